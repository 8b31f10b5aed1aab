/**
 * Shopify Flow: protection that runs inside Shopify when an order is created, with every browser
 * closed. `buildFlowWorkflow(settings)` writes the parts a merchant pastes into Flow, in the order
 * Flow asks for them (trigger "Order created" → "Run code" → condition → "Send Admin API request"):
 * - `inputQuery`, `outputSdl`, `code`: the Run code action (test/facts/FLOW.md);
 * - `condition`: continue only when the code decided the email must change;
 * - `mutationInputs`: Liquid for `orderUpdate`: the new email, the original in our metafield, and a
 *   marker saying Flow made the change (`fixed_by` = `flow`, `flow_version`), every value `| json`
 *   so the JSON stays valid whatever the address contains.
 * The code carries the catalogue and the store's strategies (lib/flow/code.ts); its verdicts are
 * `detectMarketplace` + `rewriteEmail`'s, proved by test/unit/flow-code.test.ts.
 *
 * No import file is offered: the task ids of "Run code" and "Send Admin API request" are not
 * documented, and a guessed id in a file a merchant imports could break their workflow.
 */
import { ORIGINAL_EMAIL_KEY, ORIGINAL_EMAIL_NAMESPACE } from './shopify/documents';
import { FIXED_BY_FLOW, FIXED_BY_KEY, FLOW_VERSION_KEY } from './order-facts';
import type { StoreSettings } from './settings';
import { buildCode } from './flow/code';


export interface FlowWorkflow {
  inputQuery: string;
  outputSdl: string;
  code: string;
  condition: string;
  mutationInputs: string;
}

/** The Run code output fields, as the code returns them and the Liquid reads them (`runCode.<name>`). */
export const RUN_CODE_VARIABLE = 'runCode';

export const FLOW_INPUT_QUERY = `{
  order {
    id
    email
    sourceName
    sourceIdentifier
    tags
    app { name }
    channelInformation { app { title } channelDefinition { channelName } }
  }
}`;

export const FLOW_OUTPUT_SDL = `"What Proxy Mail Guard decided for the new order"
type Output {
  "True when the order's email must change"
  change: Boolean!
  "The new email (empty: remove the email)"
  email: String!
  "The email the order arrived with"
  original: String!
  "The marketplace that sold the order (empty: none)"
  marketplace: String!
  "Why: fixed, not_marketplace, already_prefix, unchanged or an error code"
  reason: String!
  "Version of this code, compared by the extension with your settings"
  version: String!
}`;

export const FLOW_CONDITION = `${RUN_CODE_VARIABLE}.change == true`;

const metafield = (key: string, valueLiquid: string) =>
  `      { "namespace": "${ORIGINAL_EMAIL_NAMESPACE}", "key": "${key}", "type": "single_line_text_field", "value": ${valueLiquid} }`;

export const FLOW_MUTATION = 'orderUpdate';

export const FLOW_MUTATION_INPUTS = `{
  "input": {
    "id": {{ order.id | json }},
    "email": {{ ${RUN_CODE_VARIABLE}.email | json }},
    "metafields": [
${[
  metafield(ORIGINAL_EMAIL_KEY, `{{ ${RUN_CODE_VARIABLE}.original | json }}`),
  metafield(FIXED_BY_KEY, JSON.stringify(FIXED_BY_FLOW)),
  metafield(FLOW_VERSION_KEY, `{{ ${RUN_CODE_VARIABLE}.version | json }}`),
].join(',\n')}
    ]
  }
}`;

export function buildFlowWorkflow(settings: StoreSettings): FlowWorkflow {
  return {
    inputQuery: FLOW_INPUT_QUERY,
    outputSdl: FLOW_OUTPUT_SDL,
    code: buildCode(settings).code,
    condition: FLOW_CONDITION,
    mutationInputs: FLOW_MUTATION_INPUTS,
  };
}

/** The version the code for these settings reports (stored when the merchant sets the workflow up). */
export function flowVersion(settings: StoreSettings): string {
  return buildCode(settings).version;
}
