/**
 * Polaris-like look with *hashed* class names, as the real admin has (`Polaris-Card_1fqes`).
 * The hash is salted per server start, so any code that matched a class name would break on the
 * next run: the extension must rely on roles, aria, links and texts only.
 */
declare global {
  interface Window {
    __SANDBOX__?: { salt: string; handle: string; apiVersion: string; orderLatencyMs?: number; layout?: string };
  }
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(36).slice(0, 5);
}

const salt = () => (typeof window !== 'undefined' && window.__SANDBOX__?.salt) || 'dev';
const names = new Map<string, string>();

/** cx('Card') → 'Polaris-Card_k3x9a' (stable within one server run). */
export function cx(...parts: Array<string | false | null | undefined>): string {
  return parts
    .filter((p): p is string => Boolean(p))
    .map((p) => {
      let name = names.get(p);
      if (!name) {
        name = `Polaris-${p}_${hash(p + salt())}`;
        names.set(p, name);
      }
      return name;
    })
    .join(' ');
}

const RULES: Record<string, string> = {
  Frame: 'min-height:100vh;background:#f1f1f1;color:#303030;font:400 13px/20px Inter,-apple-system,BlinkMacSystemFont,"San Francisco","Segoe UI",Roboto,"Helvetica Neue",sans-serif;',
  TopBar: 'position:fixed;top:0;left:0;right:0;height:56px;background:#1a1a1a;color:#e3e3e3;display:flex;align-items:center;gap:16px;padding:0 16px;z-index:10;box-sizing:border-box;',
  TopBarLogo: 'font-weight:650;font-size:15px;color:#fff;display:flex;align-items:center;gap:8px;',
  TopBarSearch: 'flex:1;max-width:560px;margin:0 auto;height:32px;border-radius:10px;background:#303030;border:1px solid #4a4a4a;color:#b5b5b5;display:flex;align-items:center;padding:0 12px;box-sizing:border-box;',
  TopBarStore: 'display:flex;align-items:center;gap:8px;color:#e3e3e3;',
  LangSelect: 'background:#303030;color:#e3e3e3;border:1px solid #4a4a4a;border-radius:8px;height:28px;padding:0 6px;font:inherit;',
  Navigation: 'position:fixed;top:56px;bottom:0;left:0;width:240px;padding:12px 8px;box-sizing:border-box;background:#ebebeb;',
  NavItem: 'display:block;padding:6px 8px;border-radius:8px;color:#303030;text-decoration:none;font-weight:550;',
  NavItemSelected: 'background:#fafafa;box-shadow:0 1px 0 rgba(0,0,0,.05);',
  Main: 'margin-left:240px;padding:76px 32px 48px;box-sizing:border-box;',
  Page: 'max-width:1000px;margin:0 auto;',
  PageHeader: 'display:flex;align-items:center;gap:8px;margin-bottom:16px;min-height:32px;',
  Back: 'width:28px;height:28px;border-radius:8px;display:inline-flex;align-items:center;justify-content:center;color:#303030;text-decoration:none;font-size:16px;',
  Title: 'margin:0;font-size:20px;line-height:24px;font-weight:700;color:#303030;',
  Subtitle: 'color:#616161;font-size:12px;margin-top:2px;',
  Badge: 'display:inline-flex;align-items:center;padding:2px 8px;border-radius:8px;font-size:12px;font-weight:550;background:#e3e3e3;color:#303030;',
  BadgeAttention: 'background:#ffeb78;color:#4f4700;',
  BadgeSuccess: 'background:#cdfee1;color:#0c5132;',
  HeaderActions: 'margin-left:auto;display:flex;gap:8px;align-items:center;position:relative;',
  Button: 'font:inherit;font-weight:550;height:28px;padding:0 12px;border-radius:8px;border:none;background:#fff;color:#303030;box-shadow:0 -1px 0 #b5b5b5 inset,0 0 0 1px rgba(0,0,0,.1) inset,0 .5px 0 1.5px #fff inset;cursor:pointer;',
  ButtonPrimary: 'background:#303030;color:#fff;box-shadow:0 -1px 0 1px #000 inset,0 0 0 1px #303030 inset,0 .5px 0 1.5px #5e5e5e inset;',
  ButtonPlain: 'background:none;box-shadow:none;color:#005bd3;padding:0 4px;',
  Layout: 'display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:16px;align-items:start;',
  Column: 'display:flex;flex-direction:column;gap:16px;min-width:0;',
  Card: 'background:#fff;border-radius:12px;box-shadow:0 1px 0 0 rgba(26,26,26,.07),0 1px 0 0 rgba(208,208,208,.4) inset,1px 0 0 0 #cccccc26 inset,-1px 0 0 0 #cccccc26 inset,0 -1px 0 0 #cccccc40 inset;padding:16px;',
  CardHeader: 'display:flex;align-items:center;justify-content:space-between;gap:8px;margin-bottom:8px;position:relative;',
  CardTitle: 'font-weight:650;font-size:13px;margin:0;',
  Section: 'padding-top:12px;margin-top:12px;border-top:1px solid #ebebeb;',
  SectionTitle: 'font-weight:650;font-size:12px;color:#303030;margin:0 0 4px;',
  Muted: 'color:#616161;',
  Link: 'color:#005bd3;text-decoration:none;',
  Row: 'display:flex;align-items:center;justify-content:space-between;gap:8px;padding:6px 0;',
  LineItem: 'display:flex;gap:12px;align-items:center;padding:8px 0;',
  Thumb: 'width:40px;height:40px;border-radius:8px;background:#f1f1f1;border:1px solid #e3e3e3;flex:none;',
  Menu: 'position:absolute;right:0;top:32px;background:#fff;border-radius:12px;box-shadow:0 4px 12px rgba(0,0,0,.15),0 0 0 1px rgba(0,0,0,.05);padding:6px;z-index:20;min-width:220px;display:flex;flex-direction:column;',
  MenuItem: 'text-align:left;font:inherit;border:none;background:none;padding:6px 8px;border-radius:8px;cursor:pointer;color:#303030;',
  IconButton: 'font:inherit;width:28px;height:28px;border-radius:8px;border:none;background:transparent;cursor:pointer;color:#4a4a4a;font-size:16px;line-height:1;',
  Table: 'width:100%;border-collapse:collapse;font-size:13px;',
  Th: 'text-align:left;font-weight:550;color:#616161;padding:8px 12px;background:#f7f7f7;border-bottom:1px solid #ebebeb;',
  Td: 'padding:8px 12px;border-bottom:1px solid #f1f1f1;',
  Backdrop: 'position:fixed;inset:0;background:rgba(0,0,0,.5);z-index:30;display:flex;align-items:center;justify-content:center;',
  Modal: 'background:#fff;border-radius:16px;width:520px;max-width:calc(100vw - 32px);box-shadow:0 20px 20px -8px rgba(26,26,26,.28);',
  ModalHeader: 'padding:12px 16px;border-bottom:1px solid #ebebeb;font-weight:650;background:#f3f3f3;border-radius:16px 16px 0 0;',
  ModalBody: 'padding:16px;display:flex;flex-direction:column;gap:12px;',
  ModalFooter: 'padding:12px 16px;border-top:1px solid #ebebeb;display:flex;justify-content:flex-end;gap:8px;',
  Field: 'display:flex;flex-direction:column;gap:4px;',
  Input: 'font:inherit;height:32px;border-radius:8px;border:1px solid #8a8a8a;padding:0 12px;',
  Checkbox: 'display:flex;gap:8px;align-items:center;',
  Banner: 'background:#fff8db;border-radius:12px;padding:12px 16px;',
};

export function injectStyles(doc: Document): void {
  const style = doc.createElement('style');
  style.textContent =
    Object.entries(RULES)
      .map(([name, css]) => `.${cx(name)}{${css}}`)
      .join('\n') +
    `\n.Polaris-Header-Title{${RULES.Title}}\nbody{margin:0}\n.${cx('Button')}:disabled{opacity:.5;cursor:default}\n.${cx('MenuItem')}:hover{background:#f1f1f1}\n.${cx('Row')} a:hover,.${cx('Link')}:hover{text-decoration:underline}`;
  doc.head.append(style);
}
