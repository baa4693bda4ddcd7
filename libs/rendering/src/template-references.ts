export interface TemplateReferences {
  helpers: Set<string>;
  partials: Set<string>;
}

// Just the shape of Handlebars' AST this module reads.
interface AstNode {
  type: string;
}
interface PathNode extends AstNode {
  type: 'PathExpression';
  original: string;
}
interface CallNode extends AstNode {
  path: AstNode;
  params: unknown[];
  hash?: { pairs: unknown[] };
}
interface PartialNode extends AstNode {
  name: AstNode;
}

const isNode = (value: unknown): value is AstNode =>
  value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
const isPath = (node: AstNode): node is PathNode => node.type === 'PathExpression';

/**
 * The helpers and partials a parsed template calls. A call is a mustache, block or subexpression
 * with parameters or hash arguments (`{{#each items}}`, `{{eq a b}}`); a bare `{{name}}` is a
 * lookup. Partials named by an expression cannot be known before rendering and are skipped.
 */
export function templateReferences(program: unknown): TemplateReferences {
  const references: TemplateReferences = { helpers: new Set(), partials: new Set() };
  visit(program, references);
  return references;
}

function visit(value: unknown, references: TemplateReferences): void {
  if (Array.isArray(value)) {
    for (const child of value) visit(child, references);
    return;
  }
  if (!isNode(value)) return;
  if (value.type === 'MustacheStatement' || value.type === 'BlockStatement' || value.type === 'SubExpression') {
    const call = value as CallNode;
    const hasArguments = call.params.length > 0 || (call.hash?.pairs.length ?? 0) > 0;
    if (hasArguments && isPath(call.path)) references.helpers.add(call.path.original);
  }
  if (value.type === 'PartialStatement' || value.type === 'PartialBlockStatement') {
    const { name } = value as PartialNode;
    if (isPath(name)) references.partials.add(name.original);
  }
  for (const [key, child] of Object.entries(value)) {
    if (key !== 'loc') visit(child, references);
  }
}
