/**
 * A fake Shopify Flow running one workflow: trigger "Order created" → "Run code" → condition →
 * "Send Admin API request". Nothing in it knows what the workflow does: it takes the five strings a
 * merchant pastes (lib/flow.ts `buildFlowWorkflow`) and
 * 1. answers the Input query from the new order (the Admin schema's Order type, validated),
 * 2. runs the Code in a sandboxed vm context (flow-sandbox.ts) and checks its result against the
 *    Output SDL,
 * 3. evaluates the condition and renders the Mutation inputs with a real Liquid engine (liquidjs),
 * 4. sends the mutation through the fake's own resolvers, its variables coerced against the schema.
 * Like Flow, it runs after the order is created, not inside the connector's request: `settled()`
 * waits for the queue.
 */
import {
  buildSchema,
  execute,
  Kind,
  parse,
  validate,
  visit,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { Liquid } from 'liquidjs';
import { compileRunCode, type RunCode } from './flow-sandbox.ts';
import { gid, type OrderRecord } from './model.ts';
import { ALL_SCOPES, type ApiState, type RequestContext } from './state.ts';

export interface FlowWorkflowParts {
  inputQuery: string;
  outputSdl: string;
  code: string;
  condition: string;
  mutationInputs: string;
}

export interface FlowRun {
  orderId: string;
  output: Record<string, unknown> | null;
  /** Time `main` took (the module evaluation excluded), ms. */
  codeMs: number;
  conditionMet: boolean;
  /** The rendered Mutation inputs (JSON text), when the condition was met. */
  rendered: string | null;
  userErrors: { field: string[] | null; message: string }[];
  error: string | null;
}

const FLOW_APP = { id: 2_930_000, name: 'Shopify Flow' };
const SEND_MUTATION = {
  orderUpdate: parse(`mutation FlowSendAdminApiRequest($input: OrderInput!) { orderUpdate(input: $input) { order { id } userErrors { field message } } }`),
};

/** `{ order { … } }` → `query FlowInput($id: ID!) { order(id: $id) { … } }`: Flow feeds the trigger's order. */
function inputDocument(query: string): DocumentNode {
  const doc = parse(query);
  return visit(doc, {
    OperationDefinition(node: OperationDefinitionNode) {
      const selections = node.selectionSet.selections.map((s) =>
        s.kind === Kind.FIELD && s.name.value === 'order'
          ? ({ ...s, arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'id' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: 'id' } } }] } as FieldNode)
          : s,
      );
      return {
        ...node,
        operation: 'query',
        name: { kind: Kind.NAME, value: 'FlowInput' },
        variableDefinitions: [{ kind: Kind.VARIABLE_DEFINITION, variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: 'id' } }, type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } } }],
        selectionSet: { ...node.selectionSet, selections },
      } as OperationDefinitionNode;
    },
  });
}

interface Installed {
  parts: FlowWorkflowParts;
  input: DocumentNode;
  output: { schema: GraphQLSchema; query: DocumentNode };
  code: RunCode;
}

export class FakeFlow {
  readonly runs: FlowRun[] = [];
  private installed: Installed | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly liquid = new Liquid({ strictFilters: true });

  constructor(
    private readonly state: () => ApiState,
    private readonly schema: GraphQLSchema,
    private readonly roots: { query: object; mutation: object },
  ) {}

  get enabled(): boolean {
    return this.installed !== null;
  }

  /** Turns the workflow on. Throws, like Flow's editor, when a part does not parse or validate. */
  install(parts: FlowWorkflowParts, mutation: keyof typeof SEND_MUTATION = 'orderUpdate'): void {
    if (mutation !== 'orderUpdate') throw new Error(`Fake Flow: only orderUpdate is modelled, not ${String(mutation)}`);
    const input = inputDocument(parts.inputQuery);
    const problems = validate(this.schema, input);
    if (problems.length) throw new Error(`Fake Flow: the Input query is not valid: ${problems.map((p) => p.message).join('; ')}`);
    const outputSchema = buildSchema(`${parts.outputSdl}\ntype Query { output: Output }`);
    const outputType = outputSchema.getType('Output');
    if (!outputType || !('getFields' in outputType)) throw new Error('Fake Flow: the Output SDL has no type Output');
    const fields = Object.keys((outputType as { getFields(): Record<string, unknown> }).getFields());
    this.liquid.parse(parts.mutationInputs); // a Liquid syntax error is refused here, as in the editor
    this.installed = { parts, input, output: { schema: outputSchema, query: parse(`{ output { ${fields.join(' ')} } }`) }, code: compileRunCode(parts.code) };
  }

  uninstall(): void {
    this.installed = null;
  }

  /** Called for every created order (index.ts subscribes it to `orderCreated`). */
  orderCreated(order: OrderRecord): void {
    const installed = this.installed;
    if (!installed) return;
    const orderId = gid('order', order.id);
    this.queue = this.queue.then(() => this.run(installed, orderId)).catch(() => undefined);
  }

  /** Resolves when every triggered run has finished. */
  async settled(): Promise<void> {
    let last: Promise<void>;
    do {
      last = this.queue;
      await last;
    } while (last !== this.queue);
  }

  private context(): RequestContext {
    return { state: this.state(), scopes: new Set(ALL_SCOPES), sandbox: false, app: FLOW_APP, searchWarnings: [] };
  }

  private async run(installed: Installed, orderId: string): Promise<void> {
    const run: FlowRun = { orderId, output: null, codeMs: 0, conditionMet: false, rendered: null, userErrors: [], error: null };
    this.runs.push(run);
    try {
      // Flow reads its environment data itself: no cost, no counters (sandbox reads).
      const read = await execute({ schema: this.schema, document: installed.input, rootValue: this.roots.query, contextValue: { ...this.context(), sandbox: true }, variableValues: { id: orderId } });
      if (read.errors?.length) throw new Error(`Input query: ${read.errors[0]!.message}`);
      const input = read.data as { order: Record<string, unknown> | null };
      const { output, ms } = installed.code.run(input);
      run.codeMs = ms;
      const checked = await execute({ schema: installed.output.schema, document: installed.output.query, rootValue: { output } });
      if (checked.errors?.length) throw new Error(`Output does not match the Output SDL: ${checked.errors[0]!.message}`);
      run.output = output as Record<string, unknown>;
      const scope = { order: input.order, runCode: output };
      run.conditionMet = (await this.liquid.parseAndRender(`{% if ${installed.parts.condition} %}yes{% endif %}`, scope)) === 'yes';
      if (!run.conditionMet) return;
      const rendered = String(await this.liquid.parseAndRender(installed.parts.mutationInputs, scope));
      run.rendered = rendered;
      const variables = JSON.parse(rendered) as Record<string, unknown>;
      const sent = await execute({ schema: this.schema, document: SEND_MUTATION.orderUpdate, rootValue: this.roots.mutation, contextValue: this.context(), variableValues: variables });
      if (sent.errors?.length) throw new Error(`Send Admin API request: ${sent.errors[0]!.message}`);
      run.userErrors = (sent.data as { orderUpdate: { userErrors: FlowRun['userErrors'] } }).orderUpdate.userErrors;
    } catch (e) {
      run.error = (e as Error).message;
    }
  }
}
