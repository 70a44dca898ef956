/** The part of jStat (https://github.com/jstat/jstat, a CommonJS module) claimcheck uses: three quantile functions. */
declare module 'jstat' {
  interface Quantile {
    inv(p: number, ...parameters: number[]): number;
  }
  const jStat: {
    readonly normal: Quantile;
    readonly studentt: Quantile;
    readonly beta: Quantile;
  };
  export default jStat;
}
