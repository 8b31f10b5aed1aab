import {
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Shopify's calculated query cost (shopify.dev/docs/api/usage/rate-limits, "Cost calculation"):
 * scalars and enums 0, objects 1, connections 2 + first/last × the cost of one node, each mutation
 * field 10. requestedQueryCost is computed from the document before running it; actualQueryCost from
 * what was returned (objects actually present, connection sizes actually returned).
 */
export const MUTATION_COST = 10;
export const CONNECTION_COST = 2;
export const MAX_QUERY_COST = 1000;
export const MAX_PAGE_SIZE = 250;

export interface CostProblem {
  message: string;
  path: string[];
  code: string;
}

interface Ctx {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  problems: CostProblem[];
}

interface MergedField {
  key: string;
  def: GraphQLField<unknown, unknown>;
  nodes: FieldNode[];
}

function isConnection(type: GraphQLOutputType): boolean {
  const named = getNamedType(type);
  return isObjectType(named) && named.name.endsWith('Connection') && ('edges' in named.getFields() || 'nodes' in named.getFields());
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** Fields of a selection set merged by response key, fragments flattened (all type conditions). */
function collect(ctx: Ctx, parent: GraphQLCompositeType, set: SelectionSetNode | undefined, out = new Map<string, MergedField>()): Map<string, MergedField> {
  if (!set) return out;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      const key = sel.alias?.value ?? sel.name.value;
      const existing = out.get(key);
      if (existing) { existing.nodes.push(sel); continue; }
      const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
      const def = fields[sel.name.value];
      if (def) out.set(key, { key, def, nodes: [sel] });
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const cond = sel.typeCondition ? (ctx.schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType | undefined) : parent;
      collect(ctx, cond ?? parent, sel.selectionSet, out);
    } else {
      const frag = ctx.fragments[sel.name.value];
      if (frag) collect(ctx, (ctx.schema.getType(frag.typeCondition.name.value) as GraphQLCompositeType | undefined) ?? parent, frag.selectionSet, out);
    }
  }
  return out;
}

function sub(ctx: Ctx, field: MergedField): { type: GraphQLCompositeType; set: SelectionSetNode } {
  const selections = field.nodes.flatMap((n) => n.selectionSet?.selections ?? []);
  return { type: getNamedType(field.def.type) as GraphQLCompositeType, set: { kind: Kind.SELECTION_SET, selections } };
}

function argValue(ctx: Ctx, field: MergedField, name: string): unknown {
  const arg = field.nodes[0]?.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  if (arg.value.kind === Kind.VARIABLE) return ctx.variables[arg.value.name.value];
  return valueFromASTUntyped(arg.value);
}

function pageSize(ctx: Ctx, field: MergedField, path: string[]): number {
  const first = argValue(ctx, field, 'first');
  const last = argValue(ctx, field, 'last');
  const size = typeof first === 'number' ? first : typeof last === 'number' ? last : null;
  if (size === null) {
    ctx.problems.push({ message: 'you must provide one of first or last', path, code: 'BAD_REQUEST' });
    return 0;
  }
  if (size > MAX_PAGE_SIZE) {
    ctx.problems.push({ message: `The ${typeof first === 'number' ? 'first' : 'last'} argument cannot be greater than ${MAX_PAGE_SIZE}.`, path, code: 'BAD_REQUEST' });
  }
  return Math.max(0, size);
}

/** Cost of one node of a connection: node (edges.node / nodes) objects and their children. */
function nodeCost(ctx: Ctx, connection: MergedField, path: string[]): number {
  const { type, set } = sub(ctx, connection);
  let cost = 0;
  for (const f of collect(ctx, type, set).values()) {
    if (f.def.name === 'edges') {
      const edge = sub(ctx, f);
      for (const g of collect(ctx, edge.type, edge.set).values()) {
        if (g.def.name === 'node') cost += 1 + selectionCost(ctx, sub(ctx, g).type, sub(ctx, g).set, [...path, 'edges', 'node']);
      }
    } else if (f.def.name === 'nodes') {
      cost += 1 + selectionCost(ctx, sub(ctx, f).type, sub(ctx, f).set, [...path, 'nodes']);
    }
  }
  return cost;
}

function selectionCost(ctx: Ctx, parent: GraphQLCompositeType, set: SelectionSetNode, path: string[]): number {
  let total = 0;
  for (const field of collect(ctx, parent, set).values()) {
    const fieldPath = [...path, field.key];
    if (isLeafType(getNamedType(field.def.type))) continue;
    if (isConnection(field.def.type)) {
      total += CONNECTION_COST + pageSize(ctx, field, fieldPath) * nodeCost(ctx, field, fieldPath);
    } else {
      const s = sub(ctx, field);
      const each = 1 + selectionCost(ctx, s.type, s.set, fieldPath);
      const ids = argValue(ctx, field, 'ids');
      const n = !isList(field.def.type) ? 1 : Array.isArray(ids) ? Math.max(1, ids.length) : Math.max(1, Number(argValue(ctx, field, 'first') ?? 1));
      total += n * each;
    }
  }
  return total;
}

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

export function requestedCost(input: CostInput): { cost: number; problems: CostProblem[] } {
  const ctx: Ctx = { ...input, problems: [] };
  if (input.operation.operation === 'mutation') {
    const root = input.schema.getMutationType()!;
    const fields = collect(ctx, root, input.operation.selectionSet);
    return { cost: MUTATION_COST * fields.size, problems: [] };
  }
  const root = input.schema.getQueryType()!;
  const cost = selectionCost(ctx, root, input.operation.selectionSet, []);
  return { cost, problems: ctx.problems };
}

function actualSelection(ctx: Ctx, parent: GraphQLCompositeType, set: SelectionSetNode, data: unknown): number {
  if (data === null || typeof data !== 'object') return 0;
  const record = data as Record<string, unknown>;
  let total = 0;
  for (const field of collect(ctx, parent, set).values()) {
    if (!(field.key in record)) continue;
    const value = record[field.key];
    if (value === null || value === undefined || isLeafType(getNamedType(field.def.type))) continue;
    const s = sub(ctx, field);
    if (isConnection(field.def.type)) {
      total += CONNECTION_COST;
      const conn = value as Record<string, unknown>;
      for (const f of collect(ctx, s.type, s.set).values()) {
        const list = conn[f.key];
        if (!Array.isArray(list)) continue;
        if (f.def.name === 'edges') {
          const edge = sub(ctx, f);
          for (const g of collect(ctx, edge.type, edge.set).values()) {
            if (g.def.name !== 'node') continue;
            const n = sub(ctx, g);
            for (const e of list) {
              const node = (e as Record<string, unknown> | null)?.[g.key];
              if (node) total += 1 + actualSelection(ctx, n.type, n.set, node);
            }
          }
        } else if (f.def.name === 'nodes') {
          const n = sub(ctx, f);
          for (const node of list) if (node) total += 1 + actualSelection(ctx, n.type, n.set, node);
        }
      }
    } else if (Array.isArray(value)) {
      for (const item of value) if (item) total += 1 + actualSelection(ctx, s.type, s.set, item);
    } else {
      total += 1 + actualSelection(ctx, s.type, s.set, value);
    }
  }
  return total;
}

export function actualCost(input: CostInput, data: unknown): number {
  const ctx: Ctx = { ...input, problems: [] };
  if (input.operation.operation === 'mutation') {
    return MUTATION_COST * collect(ctx, input.schema.getMutationType()!, input.operation.selectionSet).size;
  }
  return actualSelection(ctx, input.schema.getQueryType()!, input.operation.selectionSet, data);
}
