/**
 * The Float64 attack toolkit for the linear logistic model: loss, projections, exact inner maximisers, PGD, and the
 * L2 robust loss with its Hessian (the vector norms are src/numeric/vector.ts).
 */
export * from './linear-model.ts';
export * from './project.ts';
export * from './linear-maximizer.ts';
export * from './pgd.ts';
