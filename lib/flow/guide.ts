/**
 * The setup guide as data: the steps in the order Shopify Flow asks for them, each with the fields
 * to paste (label key + value) and a link to Shopify's help page in the merchant's language.
 */
import { FLOW_MUTATION, type FlowWorkflow } from '../flow';

export type FlowFieldId = 'inputQuery' | 'outputSdl' | 'code' | 'condition' | 'mutation' | 'mutationInputs';

export interface FlowGuideField {
  id: FlowFieldId;
  /** Locale key of the field's name as Flow shows it. */
  label: string;
  value: string;
}

export interface FlowGuideStep {
  id: 'open' | 'trigger' | 'run-code' | 'condition' | 'send' | 'turn-on';
  /** Locale key of the instruction; its {action}/{trigger} are the names in the merchant's language. */
  text: string;
  fields: FlowGuideField[];
  help: { page: string; url: string } | null;
}

/** Languages help.shopify.com is published in (path segment), by our locale's base language. */
const HELP_LANGUAGES: Record<string, string> = {
  en: 'en', fr: 'fr', de: 'de', es: 'es', it: 'it', nl: 'nl', pl: 'pl', pt: 'pt-BR', ja: 'ja', ko: 'ko', zh: 'zh-CN',
  da: 'da', sv: 'sv', nb: 'nb', no: 'nb', fi: 'fi', cs: 'cs', tr: 'tr', th: 'th', vi: 'vi',
};

export function helpLanguage(locale: string): string {
  const tag = locale.toLowerCase().replace('_', '-');
  if (tag === 'zh-tw' || tag === 'zh-hant') return 'zh-TW';
  return HELP_LANGUAGES[tag.split('-')[0] ?? ''] ?? 'en';
}

const HELP = 'https://help.shopify.com';
export function flowHelpUrl(locale: string, page: 'flow' | 'order-created' | 'run-code' | 'send-admin-api-request'): string {
  const base = `${HELP}/${helpLanguage(locale)}/manual/shopify-flow`;
  if (page === 'flow') return base;
  if (page === 'order-created') return `${base}/reference/triggers/order-created`;
  return `${base}/reference/actions/${page}`;
}

export function flowGuide(workflow: FlowWorkflow, locale: string): FlowGuideStep[] {
  return [
    { id: 'open', text: 'flow_step_open', fields: [], help: { page: 'flow_page_flow', url: flowHelpUrl(locale, 'flow') } },
    { id: 'trigger', text: 'flow_step_trigger', fields: [], help: { page: 'flow_trigger_order_created', url: flowHelpUrl(locale, 'order-created') } },
    {
      id: 'run-code',
      text: 'flow_step_run_code',
      fields: [
        { id: 'inputQuery', label: 'flow_field_input', value: workflow.inputQuery },
        { id: 'outputSdl', label: 'flow_field_output', value: workflow.outputSdl },
        { id: 'code', label: 'flow_field_code', value: workflow.code },
      ],
      help: { page: 'flow_action_run_code', url: flowHelpUrl(locale, 'run-code') },
    },
    { id: 'condition', text: 'flow_step_condition', fields: [{ id: 'condition', label: 'flow_field_condition', value: workflow.condition }], help: null },
    {
      id: 'send',
      text: 'flow_step_send',
      fields: [
        { id: 'mutation', label: 'flow_field_mutation', value: FLOW_MUTATION },
        { id: 'mutationInputs', label: 'flow_field_mutation_inputs', value: workflow.mutationInputs },
      ],
      help: { page: 'flow_action_send_request', url: flowHelpUrl(locale, 'send-admin-api-request') },
    },
    { id: 'turn-on', text: 'flow_step_turn_on', fields: [], help: null },
  ];
}
