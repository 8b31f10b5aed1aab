/**
 * Content-script features, one file each in this folder (Refined GitHub's habit: a feature is a file
 * you can read, delete or test alone). A feature file default-exports `defineFeature({...})`; this
 * registry picks every such file up at build time, so adding a feature touches no other file.
 */
import type { AdminLocation, AdminSurface } from '@/lib/admin-url';
import type { StoreRef } from '@/lib/store-ref';

export interface FeatureContext {
  /** The parsed URL of this navigation (store always set: features run on admin pages only). */
  location: AdminLocation & { store: StoreRef };
  url: URL;
  document: Document;
  /** Aborted on the next navigation or when the extension is reloaded: tear everything down. */
  signal: AbortSignal;
  /** true in the sandbox build (`wxt build --mode sandbox`). */
  sandbox: boolean;
  /**
   * true for the run started as the document loaded; false after a client-side navigation, when
   * the previous page's DOM may still be on screen for a while.
   */
  firstLoad: boolean;
}

export interface Feature {
  /** Same as the file name. */
  id: string;
  surfaces: readonly AdminSurface[];
  /** Returns false when it did not apply to this page (ordinary order, nothing to guard...). */
  init(ctx: FeatureContext): boolean | void | Promise<boolean | void>;
}

export function defineFeature(feature: Feature): Feature {
  return feature;
}

const modules = import.meta.glob<{ default?: Feature }>(['./*.ts', '!./registry.ts', '!./*.test.ts'], { eager: true });

export const FEATURES: readonly Feature[] = Object.values(modules)
  .map((m) => m.default)
  .filter((f): f is Feature => Boolean(f && typeof f.init === 'function' && Array.isArray(f.surfaces)));

export function featuresFor(surface: AdminSurface): Feature[] {
  return FEATURES.filter((f) => f.surfaces.includes(surface));
}
