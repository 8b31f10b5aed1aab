/**
 * The Shopify Flow setup per store (lib/flow/setup.ts) in `storage.sync` (`sync:flow:{handle}`): the
 * merchant's other browsers know the workflow is on, and which settings it was written from. The last
 * check of the workflow (lib/flow/health.ts) is kept in `storage.session` (`session:flowHealth:{handle}`):
 * it outlives the service worker, which stops between popup opens, and goes with the browser session.
 */
import { storage } from 'wxt/utils/storage';
import type { StoredFlowHealth } from '../flow/health';
import { readFlowSetup, type FlowSetup } from '../flow/setup';
import { isValidHandle } from '../store-ref';

type FlowKey = `sync:flow:${string}`;
const keyFor = (handle: string): FlowKey => `sync:flow:${handle}`;

export async function getFlowSetup(handle: string): Promise<FlowSetup | null> {
  if (!isValidHandle(handle)) return null;
  return readFlowSetup(await storage.getItem<unknown>(keyFor(handle)));
}

export async function setFlowSetup(handle: string, setup: FlowSetup | null): Promise<void> {
  if (!isValidHandle(handle)) return;
  if (setup) await storage.setItem(keyFor(handle), setup);
  else await storage.removeItem(keyFor(handle));
}

type HealthKey = `session:flowHealth:${string}`;
const healthKeyFor = (handle: string): HealthKey => `session:flowHealth:${handle}`;

export async function getStoredFlowHealth(handle: string): Promise<StoredFlowHealth | null> {
  if (!isValidHandle(handle)) return null;
  const value = await storage.getItem<StoredFlowHealth>(healthKeyFor(handle));
  return value && typeof value.basis === 'string' && value.health && typeof value.health.checkedAt === 'string' ? value : null;
}

export async function setStoredFlowHealth(handle: string, stored: StoredFlowHealth | null): Promise<void> {
  if (!isValidHandle(handle)) return;
  if (stored) await storage.setItem(healthKeyFor(handle), stored);
  else await storage.removeItem(healthKeyFor(handle));
}
