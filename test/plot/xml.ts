/**
 * A minimal XML well-formedness check for the SVG the plots write (no XML parser is a dependency): every tag closes
 * in order, attributes are quoted and unique, entities are the five predefined ones or numeric references, and there
 * is exactly one root element. Returns the element names in document order for further assertions.
 */
export function parseXml(xml: string): { elements: string[] } {
  const elements: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`not well-formed XML at ${i}: ${msg} (…${xml.slice(Math.max(0, i - 40), i + 40)}…)`);
  };
  const checkText = (t: string): void => {
    if (t.includes('<') || t.includes('>')) fail('unescaped < or > in text');
    for (const m of t.matchAll(/&([^;\s]*);?/g)) {
      if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(m[1]!) || !m[0].endsWith(';')) fail(`bad entity ${m[0]}`);
    }
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (xml.slice(i).trim() !== '') fail('text after the root element');
      break;
    }
    const text = xml.slice(i, lt);
    if (stack.length === 0 && text.trim() !== '') fail('text outside the root element');
    checkText(text);
    const gt = xml.indexOf('>', lt);
    if (gt < 0) fail('unterminated tag');
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) fail(`closing </${name}> does not match`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*$/.exec(body);
    if (m === null) fail(`bad tag <${tag}>`);
    const name = m![1]!;
    const names = [...m![2]!.matchAll(/([A-Za-z_][\w:.-]*)="([^"]*)"/g)].map((a) => {
      checkText(a[2]!);
      return a[1]!;
    });
    if (new Set(names).size !== names.length) fail(`duplicate attribute in <${name}>`);
    if (stack.length === 0) roots++;
    elements.push(name);
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) throw new Error(`not well-formed XML: unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) throw new Error(`not well-formed XML: ${roots} root elements`);
  return { elements };
}

/** Asserts the SVG references nothing outside itself (no links, fonts, scripts or stylesheets). */
export function externalReferences(svg: string): string[] {
  const out: string[] = [];
  if (/href\s*=/.test(svg)) out.push('href');
  if (/url\((?!#)/.test(svg)) out.push('url() to an external resource');
  if (/@font-face|@import/.test(svg)) out.push('stylesheet import or font');
  if (/<script|<foreignObject/.test(svg)) out.push('script or foreignObject');
  const http = svg.replace('xmlns="http://www.w3.org/2000/svg"', '');
  if (/https?:\/\//.test(http)) out.push('http link');
  return out;
}

/** Every number inside `d="…"` and coordinate attributes has at most `decimals` decimals and none is NaN or -0. */
export function numberFormatProblems(svg: string, decimals = 2): string[] {
  const out: string[] = [];
  if (/NaN|Infinity/.test(svg)) out.push('NaN or Infinity');
  for (const m of svg.matchAll(/\s(?:d|x|y|x1|y1|x2|y2|cx|cy|r|width|height)="([^"]*)"/g)) {
    for (const n of m[1]!.match(/-?\d+(?:\.\d+)?/g) ?? []) {
      const dec = n.includes('.') ? n.split('.')[1]!.length : 0;
      if (dec > decimals) out.push(`${n} has ${dec} decimals`);
      if (/^-0(\.0*)?$/.test(n)) out.push('-0');
    }
  }
  return out;
}
