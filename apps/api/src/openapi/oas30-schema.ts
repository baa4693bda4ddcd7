/**
 * The request schemas are JSON Schema 2020-12 (Ajv validates requests with them), but the
 * document is OpenAPI 3.0, whose Schema Object is an older, stricter dialect. Each 2020 feature
 * is rewritten to an equivalent 3.0 form, so that the document stays valid and tools generating
 * requests from it (the web client's types, Schemathesis) read the same constraints Ajv applies.
 */
type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Keywords whose value is one schema, a list of schemas, or a map of named schemas. */
const ONE_SCHEMA = ['items', 'not', 'additionalProperties', 'if', 'then', 'else'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_MAPS = ['properties'];
/** Annotations 3.0 does not know and that constrain nothing. */
const DROPPED = ['$schema', '$id', '$comment'];

/** 2020 allows `true` (anything) and `false` (nothing) as schemas; 3.0 needs objects. */
function subschema(value: unknown): unknown {
  if (value === true) return {};
  if (value === false) return { not: {} };
  return isSchema(value) ? toOas30Schema(value) : value;
}

export function toOas30Schema(input: Schema): Schema {
  const schema: Schema = {};
  for (const [key, value] of Object.entries(input)) {
    if (DROPPED.includes(key)) continue;
    // additionalProperties keeps its boolean form, which 3.0 allows there (and only there).
    if (ONE_SCHEMA.includes(key) && (isSchema(value) || key !== 'additionalProperties')) schema[key] = subschema(value);
    else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) schema[key] = value.map(subschema);
    else if (SCHEMA_MAPS.includes(key) && isSchema(value)) schema[key] = Object.fromEntries(Object.entries(value).map(([name, item]) => [name, subschema(item)]));
    else schema[key] = value;
  }
  if ('const' in schema) {
    schema.enum = [schema.const];
    delete schema.const;
  }
  if ('examples' in schema) {
    const { examples } = schema;
    delete schema.examples;
    if (Array.isArray(examples) && examples.length > 0) schema.example = examples[0];
  }
  for (const [exclusive, inclusive] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    // 2020: the bound itself; 3.0: a flag on minimum/maximum.
    if (typeof schema[exclusive] === 'number') {
      schema[inclusive] = schema[exclusive];
      schema[exclusive] = true;
    }
  }
  if (Array.isArray(schema.type)) rewriteTypeList(schema, schema.type as string[]);
  if ('if' in schema) rewriteConditional(schema);
  for (const key of ['anyOf', 'oneOf']) if (Array.isArray(schema[key])) rewriteNullBranches(schema, key);
  return schema;
}

const isNullType = (branch: unknown) => isSchema(branch) && branch.type === 'null' && Object.keys(branch).length === 1;

/** The schema that also admits null; in a list of alternatives, the first one does (once, as a oneOf needs). */
function nullable(branch: unknown): Schema {
  if (!isSchema(branch) || '$ref' in branch) throw new Error(`cannot express ${JSON.stringify(branch)} or null in OpenAPI 3.0`);
  for (const key of ['oneOf', 'anyOf']) {
    const alternatives = branch[key];
    if (Array.isArray(alternatives) && !('type' in branch)) return { ...branch, [key]: alternatives.map((alternative, index) => (index === 0 ? nullable(alternative) : alternative)) };
  }
  if (!('type' in branch || 'enum' in branch)) throw new Error(`cannot express ${JSON.stringify(branch)} or null in OpenAPI 3.0`);
  const result: Schema = { ...branch, nullable: true };
  if (Array.isArray(branch.enum) && !branch.enum.includes(null)) result.enum = [...branch.enum, null];
  return result;
}

/**
 * 3.0 has no null type: `anyOf: [X, {type: 'null'}]` becomes X marked `nullable` (an enum lists
 * null as well, as 3.0.3 asks), collapsing into the schema when it is the only branch left.
 */
function rewriteNullBranches(schema: Schema, key: string): void {
  const branches = schema[key] as unknown[];
  if (!branches.some(isNullType)) return;
  const others = branches.filter((branch) => !isNullType(branch)).map((branch, index) => (index === 0 ? nullable(branch) : branch));
  delete schema[key];
  if (others.length === 1) Object.assign(schema, others[0]);
  else schema[key] = others;
}

/** `type: ['string', 'null']` becomes `nullable`; several other types become an `anyOf`. */
function rewriteTypeList(schema: Schema, types: string[]): void {
  const nonNull = types.filter((type) => type !== 'null');
  delete schema.type;
  if (nonNull.length < types.length) schema.nullable = true;
  if (nonNull.length === 1) schema.type = nonNull[0];
  else if (nonNull.length > 1) schema.anyOf = [...((schema.anyOf as Schema[] | undefined) ?? []), ...nonNull.map((type) => ({ type }))];
}

/**
 * `if A then B else C` holds exactly when (A and B) or (not A and C); without `else`, when not A
 * or B. Written so with `anyOf` and `not`, which 3.0 has, and added to any `allOf` already there.
 */
function rewriteConditional(schema: Schema): void {
  const { if: condition, then: consequence, else: alternative } = schema as { if: Schema; then?: Schema; else?: Schema };
  delete schema.if;
  delete schema.then;
  delete schema.else;
  const branches: Schema[] = [];
  branches.push(consequence ? { allOf: [condition, consequence] } : condition);
  branches.push(alternative ? { allOf: [{ not: condition }, alternative] } : { not: condition });
  schema.allOf = [...((schema.allOf as Schema[] | undefined) ?? []), { anyOf: branches }];
}

/** Every schema of the document (components, parameters, bodies, responses) in its 3.0 form. */
export function toOas30Document<T extends { paths: object; components?: { schemas?: object } }>(document: T): T {
  const components = document.components?.schemas as Record<string, Schema> | undefined;
  if (components) for (const [name, schema] of Object.entries(components)) components[name] = toOas30Schema(schema);
  for (const item of Object.values(document.paths) as Array<Record<string, Schema>>) {
    for (const operation of Object.values(item)) {
      if (!isSchema(operation)) continue;
      for (const parameter of (operation.parameters as Schema[] | undefined) ?? []) {
        if (isSchema(parameter.schema)) parameter.schema = toOas30Schema(parameter.schema);
      }
      const bodies = [operation.requestBody, ...Object.values((operation.responses as Schema | undefined) ?? {})];
      for (const body of bodies) {
        if (!isSchema(body) || !isSchema(body.content)) continue;
        for (const media of Object.values(body.content)) {
          if (isSchema(media) && isSchema(media.schema)) media.schema = toOas30Schema(media.schema);
        }
      }
    }
  }
  return document;
}
