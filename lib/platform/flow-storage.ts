/**
 * The Shopify Flow setup per store (lib/flow/setup.ts) in `storage.sync` (`sync:flow:{handle}`): the
 * merchant's other browsers know the workflow is on, and which settings it was written from.
 */
import { storage } from 'wxt/utils/storage';
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
