// CONTRACT (types fixed by issue 2; implementation to be written).
export interface Detection {
  marketplace: string; // lower-case id: amazon, ebay, etsy, walmart, kaufland, allegro, ...
  label: string; // display name: "Amazon", "eBay"
  via: 'email' | 'channel' | 'tag';
  neutralised: null | 'prefix' | 'domain' | 'fixed' | 'stripped';
}

export interface DetectionContext {
  sourceName?: string;
  channel?: string;
  appName?: string;
  tags?: string[];
}
