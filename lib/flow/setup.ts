/**
 * What the extension remembers after the merchant says "the workflow is on": the settings the
 * pasted code was written from, its version and when. From that alone the popup can tell that the
 * workflow must be updated, and what changed (the code's version also moves when the catalogue or
 * the rules change with an extension update, with no setting changed).
 */
import { migrateSettings, type StoreSettings } from '../settings';
import { buildCode } from './code';

export interface FlowSetup {
  version: string;
  confirmedAt: string; // ISO
  settings: StoreSettings;
}

export function flowSetupFor(settings: StoreSettings, now: Date): FlowSetup {
  const clean = migrateSettings(settings);
  return { version: buildCode(clean).version, confirmedAt: now.toISOString(), settings: clean };
}

/** A stored value back to a setup, or null when it is not one. */
export function readFlowSetup(value: unknown): FlowSetup | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.version !== 'string' || typeof v.confirmedAt !== 'string' || Number.isNaN(Date.parse(v.confirmedAt))) return null;
  return { version: v.version, confirmedAt: v.confirmedAt, settings: migrateSettings(v.settings) };
}

/** One setting the code depends on, before and after. `field` names it: `prefix`, `overrides.ebay`, … */
export interface FlowChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface FlowDrift {
  /** The code for today's settings differs from the code pasted into Flow. */
  outdated: boolean;
  changes: FlowChange[];
}

const list = (values: readonly string[]) => (values.length ? values.join(', ') : null);

export function flowDrift(setup: FlowSetup, current: StoreSettings): FlowDrift {
  const before = setup.settings;
  const changes: FlowChange[] = [];
  const compare = (field: string, a: string | null, b: string | null) => {
    if ((a ?? '') !== (b ?? '')) changes.push({ field, before: a || null, after: b || null });
  };
  compare('defaultStrategy', before.defaultStrategy, current.defaultStrategy);
  compare('domain', before.domain, current.domain);
  compare('domainLocalPart', before.domainLocalPart, current.domainLocalPart);
  compare('fixedEmail', before.fixedEmail, current.fixedEmail);
  compare('prefix', before.prefix, current.prefix);
  for (const id of [...new Set([...Object.keys(before.overrides), ...Object.keys(current.overrides)])].sort()) {
    compare(`overrides.${id}`, before.overrides[id] ?? null, current.overrides[id] ?? null);
  }
  compare('extraDomains', list(before.extraDomains), list(current.extraDomains));
  return { outdated: buildCode(current).version !== setup.version, changes };
}
