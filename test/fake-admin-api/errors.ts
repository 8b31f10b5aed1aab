import { GraphQLError } from 'graphql';

/** Response bodies and GraphQL errors in the shapes Shopify answers with. */
export const INVALID_TOKEN_BODY = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };

export const RATE_LIMIT_DOCS = 'https://shopify.dev/api/usage/rate-limits';
export const ACCESS_SCOPES_DOCS = 'https://shopify.dev/api/usage/access-scopes';

export function throttledError() {
  return { message: 'Throttled', extensions: { code: 'THROTTLED', documentation: RATE_LIMIT_DOCS } };
}

export function maxCostError(cost: number, max: number) {
  return {
    message: `Query cost is ${cost}, which exceeds the single query max cost limit (${max}).

See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the
cost of a query is calculated.

To query larger amounts of data with fewer limits, bulk operations should be used instead.
See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.
`,
    extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: max, documentation: RATE_LIMIT_DOCS },
  };
}

/** `Access denied for orders field. Required access: \`read_orders\` access scope.` */
export function accessDenied(field: string, scopes: string[]): GraphQLError {
  const required = scopes.map((s) => `\`${s}\` access scope`).join(' or ');
  return new GraphQLError(`Access denied for ${field} field. Required access: ${required}.`, {
    extensions: { code: 'ACCESS_DENIED', documentation: ACCESS_SCOPES_DOCS, requiredAccess: `${required}.` },
  });
}

/** graphql-js validation messages reworded the way Shopify's graphql-ruby reports the common ones. */
export function shopifyValidationError(error: GraphQLError): Record<string, unknown> {
  const out: Record<string, unknown> = { message: error.message };
  if (error.locations) out.locations = error.locations;
  let m = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(error.message);
  if (m) {
    out.message = `Field '${m[1]}' doesn't exist on type '${m[2]}'`;
    out.extensions = { code: 'undefinedField', typeName: m[2], fieldName: m[1] };
    return out;
  }
  m = /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"\./.exec(error.message);
  if (m) {
    out.message = `Field '${m[3]}' doesn't accept argument '${m[1]}'`;
    out.extensions = { code: 'argumentNotAccepted', name: m[3], typeName: 'Field', argumentName: m[1] };
    return out;
  }
  m = /^Field "(\w+)" argument "(\w+)" of type "([^"]+)" is required, but it was not provided\./.exec(error.message);
  if (m) {
    out.message = `Field '${m[1]}' is missing required arguments: ${m[2]}`;
    out.extensions = { code: 'missingRequiredArguments', className: 'Field', name: m[1], arguments: m[2] };
    return out;
  }
  m = /^Variable "\$(\w+)" of required type "([^"]+)" was not provided\./.exec(error.message);
  if (m) {
    out.message = `Variable $${m[1]} of type ${m[2]} was provided invalid value`;
    out.extensions = { code: 'INVALID_VARIABLE', value: null, problems: [{ path: [], explanation: 'Expected value to not be null' }] };
    return out;
  }
  if (error.message.startsWith('Syntax Error')) {
    out.extensions = { code: 'PARSE_ERROR' };
    return out;
  }
  out.extensions = { code: 'GRAPHQL_VALIDATION_FAILED' };
  return out;
}
