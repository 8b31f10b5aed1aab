/**
 * The rules of lib/email-address, lib/marketplaces and lib/rewrite as one dependency-free script for
 * Shopify Flow's "Run code" action. Data (catalogue, syntax, the store's settings) is not written here:
 * lib/flow/code.ts prepends it, taken from those modules' exports. Each function below has the same
 * name, arguments and answers as its lib counterpart; test/unit/flow-code.test.ts runs both over the
 * address tables and the fast-check laws, so a rule changed on one side and not the other fails there.
 *
 * Written for a plain JavaScript engine: no imports, no template literals, no `URL` needed (Flow's
 * engine may not have it: domains are then mapped by hand — NFKC, lower case, punycode).
 */
export const RUNTIME = String.raw`
var LOCAL_PART = new RegExp("^" + ATOM + "(?:\\." + ATOM + ")*$", "u");
var LABEL = new RegExp(SYNTAX.label[0], SYNTAX.label[1]);
var FORBIDDEN = new RegExp(SYNTAX.forbidden[0], SYNTAX.forbidden[1]);
var CONTROL = new RegExp(SYNTAX.control[0], SYNTAX.control[1]);
var PREFIX = new RegExp(SYNTAX.prefix[0], SYNTAX.prefix[1]);

function punycode(label) {
  var input = Array.from(label, function (c) { return c.codePointAt(0); });
  var out = [];
  input.forEach(function (c) { if (c < 128) out.push(String.fromCharCode(c)); });
  var basic = out.length, handled = basic, n = 128, delta = 0, bias = 72;
  if (basic > 0) out.push("-");
  var digit = function (d) { return String.fromCharCode(d < 26 ? d + 97 : d + 22); };
  while (handled < input.length) {
    var m = Infinity;
    input.forEach(function (c) { if (c >= n && c < m) m = c; });
    delta += (m - n) * (handled + 1);
    n = m;
    for (var i = 0; i < input.length; i++) {
      var c = input[i];
      if (c < n) delta++;
      if (c !== n) continue;
      var q = delta;
      for (var k = 36; ; k += 36) {
        var t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
        if (q < t) break;
        out.push(digit(t + ((q - t) % (36 - t))));
        q = Math.floor((q - t) / (36 - t));
      }
      out.push(digit(q));
      var d = handled === basic ? Math.floor(delta / 700) : delta >> 1;
      d += Math.floor(d / (handled + 1));
      for (k = 0; d > 455; k += 36) d = Math.floor(d / 35);
      bias = k + Math.floor((36 * d) / (d + 38));
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return out.join("");
}

function idnToAscii(raw) {
  if (typeof URL === "function") {
    try { return new URL("http://" + raw + "/").hostname; } catch (e) { return null; }
  }
  var mapped = raw.normalize("NFKC").toLowerCase().replace(/[\u00ad\u034f\u180b-\u180d\u200b\u2060\ufe00-\ufe0f\ufeff]/g, "");
  return mapped.split(/[.\u3002\uff0e\uff61]/).map(function (label) {
    return /^[\x00-\x7f]*$/.test(label) ? label : "xn--" + punycode(label);
  }).join(".");
}

function asciiDomain(input) {
  if (typeof input !== "string") return null;
  var raw = input.trim();
  if (raw === "" || raw.length > MAX.domain * 4 || FORBIDDEN.test(raw) || CONTROL.test(raw)) return null;
  var ascii = /^[\x21-\x7e]+$/.test(raw) ? raw.toLowerCase() : idnToAscii(raw);
  if (ascii === null || ascii.length > MAX.domain) return null;
  var labels = ascii.split(".");
  if (labels.length < 2 || !labels.every(function (l) { return LABEL.test(l); })) return null;
  if (/^[0-9]+$/.test(labels[labels.length - 1])) return null;
  return ascii;
}

function splitEmail(input) {
  if (typeof input !== "string") return null;
  var address = input.trim();
  if (address === "" || address.length > MAX.address || /\s/u.test(address) || CONTROL.test(address)) return null;
  var at = address.indexOf("@");
  if (at <= 0 || address.indexOf("@", at + 1) !== -1) return null;
  var local = address.slice(0, at), domain = address.slice(at + 1);
  if (local.length > MAX.local || !LOCAL_PART.test(local)) return null;
  var ascii = asciiDomain(domain);
  if (ascii === null || local.length + 1 + ascii.length > MAX.address) return null;
  return { local: local, domain: domain, asciiDomain: ascii, address: address };
}

function addressKey(email) {
  return normaliseEmail(email) || email.trim().toLowerCase();
}

function normaliseEmail(input) {
  var p = splitEmail(input);
  return p ? p.local.toLowerCase() + "@" + p.asciiDomain : null;
}
function isSameOrSubdomain(host, domain) { return host === domain || host.endsWith("." + domain); }
function isBlankEmail(v) { return v === null || v === undefined || (typeof v === "string" && v.trim() === ""); }
function bareDomain(v) { return asciiDomain(typeof v === "string" ? v.replace(/^\s*@/, "") : v); }

var COMPILED = CATALOGUE.map(function (e) {
  return {
    id: e[0], label: e[1], domains: e[2], operatorOf: e[8], keywords: e[6], exactNames: e[7],
    regional: e[3].map(function (base) { return new RegExp("(?:^|\\.)" + base.replace(/[.*+?^$(){}|[\]\\]/g, "\\$&") + "\\." + STOREFRONT_TLD + "$"); }),
    senders: GENERIC_SENDERS.concat(e[4]),
    placeholders: e[5],
  };
});

function relayEntryForDomain(ascii) {
  for (var i = 0; i < COMPILED.length; i++) {
    var c = COMPILED[i];
    if (c.domains.some(function (d) { return isSameOrSubdomain(ascii, d); })) return c;
    if (c.regional.some(function (r) { return r.test(ascii); })) return c;
  }
  return null;
}

function cleanExtraDomains(extra) {
  if (!Array.isArray(extra)) return [];
  var out = [];
  extra.forEach(function (item) { var a = bareDomain(item); if (a) out.push(a); });
  return out;
}

function isRelayDomain(domain, extraDomains) {
  var ascii = bareDomain(domain);
  if (!ascii) return false;
  if (relayEntryForDomain(ascii)) return true;
  return cleanExtraDomains(extraDomains).some(function (x) { return isSameOrSubdomain(ascii, x); });
}

function validPrefixes(neutral) {
  var prefixes = [DEFAULT_PREFIX];
  var custom = neutral ? neutral.prefix : undefined;
  if (typeof custom === "string" && custom.trim() !== "" && custom.indexOf("@") === -1) prefixes.push(custom.trim().toLowerCase());
  return prefixes.filter(function (p, i) { return prefixes.indexOf(p) === i; }).sort(function (a, b) { return b.length - a.length; });
}

function stripPrefixes(local, prefixes) {
  var base = local, prefixed = false;
  for (var guard = 0; guard < 8; guard++) {
    var lower = base.toLowerCase();
    var hit = prefixes.find(function (p) { return p !== "" && lower.startsWith(p.toLowerCase()) && base.length > p.length && base[p.length] !== "."; });
    if (!hit) break;
    base = base.slice(hit.length);
    prefixed = true;
  }
  return { base: base, prefixed: prefixed };
}

function matchEmail(email, extras, prefixes) {
  var parts = splitEmail(email);
  if (!parts) return null;
  var s = stripPrefixes(parts.local, prefixes);
  var baseLower = s.base.toLowerCase();
  var c = relayEntryForDomain(parts.asciiDomain);
  if (c) {
    if (c.senders.indexOf(baseLower) !== -1) return null;
    return { marketplace: c.id, label: c.label, prefixed: s.prefixed, placeholder: false, entry: c };
  }
  var key = baseLower + "@" + parts.asciiDomain;
  var owner = COMPILED.find(function (x) { return x.placeholders.indexOf(key) !== -1; });
  if (owner) return { marketplace: owner.id, label: owner.label, prefixed: s.prefixed, placeholder: true, entry: owner };
  var extra = extras.find(function (d) { return isSameOrSubdomain(parts.asciiDomain, d); });
  if (extra) {
    if (GENERIC_SENDERS.indexOf(baseLower) !== -1) return null;
    return { marketplace: CUSTOM_MARKETPLACE, label: extra, prefixed: s.prefixed, placeholder: false, entry: null };
  }
  return null;
}

function words(text) {
  if (typeof text !== "string") return "";
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
function isTagTail(token) { return TAG_TAILS.indexOf(token) !== -1 || /\d/.test(token); }

function namesEntry(entry, text, mode) {
  if (text === "") return false;
  if (entry.exactNames.indexOf(text) !== -1) return true;
  var padded = " " + text + " ";
  return entry.keywords.some(function (keyword) {
    var at = padded.indexOf(" " + keyword + " ");
    if (at === -1) return false;
    if (mode === "field") return true;
    var before = padded.slice(0, at).trim();
    var after = padded.slice(at + keyword.length + 2).trim();
    return TAG_LEADS.indexOf(before) !== -1 && (after === "" || after.split(" ").every(isTagTail));
  });
}

function entryFromContext(context, candidates) {
  var fields = [context.sourceName, context.channel, context.appName].map(words);
  for (var i = 0; i < fields.length; i++) {
    var hit = candidates.find(function (c) { return namesEntry(c, fields[i], "field"); });
    if (hit) return { entry: hit, via: "channel" };
  }
  var tags = Array.isArray(context.tags) ? context.tags.map(words) : [];
  for (var j = 0; j < tags.length; j++) {
    var tagHit = candidates.find(function (c) { return namesEntry(c, tags[j], "tag"); });
    if (tagHit) return { entry: tagHit, via: "tag" };
  }
  return null;
}

function classifyNeutralised(email, neutral) {
  if (isBlankEmail(email)) return "stripped";
  var parts = splitEmail(email);
  if (!parts) return null;
  var key = parts.local.toLowerCase() + "@" + parts.asciiDomain;
  var fixed = normaliseEmail(neutral ? neutral.fixedEmail : undefined);
  if (fixed && key === fixed) return "fixed";
  var own = bareDomain(neutral ? neutral.domain : undefined);
  if (own && parts.asciiDomain === own) return "domain";
  var shops = neutral && neutral.shopDomains ? neutral.shopDomains : [];
  for (var i = 0; i < shops.length; i++) if (asciiDomain(shops[i]) === parts.asciiDomain) return "domain";
  if (stripPrefixes(parts.local, validPrefixes(neutral)).prefixed) return "prefix";
  return null;
}

function detectMarketplace(email, context, extraDomains) {
  try {
    var ctx = context !== null && typeof context === "object" ? context : {};
    var extras = cleanExtraDomains(extraDomains);
    var prefixes = validPrefixes(ctx.neutral);
    var operators = function (id) { return COMPILED.filter(function (c) { return c.operatorOf === id; }); };
    var direct = matchEmail(email, extras, prefixes);
    if (direct) {
      var op = direct.entry ? entryFromContext(ctx, operators(direct.entry.id)) : null;
      var found = { marketplace: op ? op.entry.id : direct.marketplace, label: op ? op.entry.label : direct.label, via: "email", neutralised: direct.prefixed ? "prefix" : null };
      if (direct.placeholder) found.placeholder = true;
      return found;
    }
    var original = matchEmail(ctx.originalEmail, extras, prefixes);
    var who = null;
    if (original) {
      var op2 = original.entry ? entryFromContext(ctx, operators(original.entry.id)) : null;
      who = { id: op2 ? op2.entry.id : original.marketplace, label: op2 ? op2.entry.label : original.label, via: "email" };
    } else {
      var named = entryFromContext(ctx, COMPILED);
      if (named) who = { id: named.entry.id, label: named.entry.label, via: named.via };
    }
    if (!who) return null;
    return { marketplace: who.id, label: who.label, via: who.via, neutralised: classifyNeutralised(email, ctx.neutral) };
  } catch (e) {
    return null;
  }
}

function fail(code) { return { ok: false, code: code }; }

function checkDomain(input, extras) {
  if (typeof input !== "string" || input.trim() === "") return "domain_missing";
  var ascii = asciiDomain(input.trim().replace(/^@/, ""));
  if (!ascii) return "domain_invalid";
  if (isRelayDomain(ascii, extras)) return "domain_is_relay";
  return null;
}
function checkFixedEmail(input, extras) {
  if (typeof input !== "string" || input.trim() === "") return "fixed_missing";
  var parts = splitEmail(input);
  if (!parts) return "fixed_invalid";
  if (isRelayDomain(parts.asciiDomain, extras)) return "fixed_is_relay";
  return null;
}
function checkPrefix(input) {
  if (typeof input !== "string") return "prefix_invalid";
  var p = input.trim();
  if (p.length === 0 || p.length > MAX.prefix || !PREFIX.test(p) || p.indexOf("..") !== -1) return "prefix_invalid";
  return null;
}
function checkStrategy(s, extras) {
  if (s === null || typeof s !== "object") return "strategy_invalid";
  switch (s.kind) {
    case "keep": case "strip": return null;
    case "fixed": return checkFixedEmail(s.email, extras);
    case "domain":
      if (s.localPart !== undefined && s.localPart !== "keep" && s.localPart !== "order-id") return "strategy_invalid";
      return checkDomain(s.domain, extras);
    case "prefix": return s.prefix === undefined ? null : checkPrefix(s.prefix);
    default: return "strategy_invalid";
  }
}
function orderIdLocalPart(id) {
  if (typeof id !== "string" && typeof id !== "number") return null;
  var local = String(id).trim().replace(/[^A-Za-z0-9._+-]+/g, "-").replace(/\.{2,}/g, ".").replace(/^[.-]+|[.-]+$/g, "");
  return local === "" ? null : local;
}
function checkLengths(local, domain) {
  if (local.length > MAX.local) return "local_part_too_long";
  if (local.length + 1 + domain.length > MAX.address) return "address_too_long";
  return null;
}
function knownPrefixes(p) {
  var list = p && p !== DEFAULT_PREFIX ? [DEFAULT_PREFIX, p] : [DEFAULT_PREFIX];
  return list.sort(function (a, b) { return b.length - a.length; });
}

function rewriteEmail(email, strategy, facts) {
  try {
    facts = facts || {};
    var extras = Array.isArray(facts.extraDomains) ? facts.extraDomains : undefined;
    var bad = checkStrategy(strategy, extras);
    if (bad) return fail(bad);
    if (isBlankEmail(email)) return { ok: true, email: null, changed: false };
    if (typeof email !== "string") return fail("email_invalid");
    if (strategy.kind === "strip") return { ok: true, email: null, changed: true };
    var parts = splitEmail(email);
    if (!parts) return fail("email_invalid");
    if (strategy.kind === "keep") return { ok: true, email: parts.address, changed: false };
    if (strategy.kind === "fixed") {
      var target = splitEmail(strategy.email);
      if (normaliseEmail(parts.address) === normaliseEmail(target.address)) return { ok: true, email: parts.address, changed: false };
      return { ok: true, email: target.address, changed: true };
    }
    if (strategy.kind === "domain") {
      var domain = asciiDomain(strategy.domain.trim().replace(/^@/, ""));
      if (parts.asciiDomain === domain) return { ok: true, email: parts.address, changed: false };
      var local;
      if (strategy.localPart === "order-id") {
        local = orderIdLocalPart(facts.orderId);
        if (!local) return fail("order_id_missing");
      } else {
        local = stripPrefixes(parts.local, knownPrefixes()).base;
      }
      var tooLong = checkLengths(local, domain);
      if (tooLong) return fail(tooLong);
      return { ok: true, email: local + "@" + domain, changed: true };
    }
    var prefix = (strategy.prefix === undefined ? DEFAULT_PREFIX : strategy.prefix).trim();
    if (stripPrefixes(parts.local, [prefix]).prefixed) return { ok: true, email: parts.address, changed: false };
    var prefixed = prefix + stripPrefixes(parts.local, knownPrefixes(prefix)).base;
    var tooLong2 = checkLengths(prefixed, parts.asciiDomain) || checkLengths(prefixed, parts.domain);
    if (tooLong2) return fail(tooLong2);
    return { ok: true, email: prefixed + "@" + parts.domain, changed: true };
  } catch (e) {
    return fail("strategy_invalid");
  }
}

function strategyFor(marketplace) {
  return Object.prototype.hasOwnProperty.call(STORE.overrides, marketplace) ? STORE.overrides[marketplace] : STORE.strategy;
}

export default function main(input) {
  var order = (input && input.order) || {};
  var channel = order.channelInformation || {};
  var context = {
    sourceName: order.sourceName,
    channel: channel.channelDefinition ? channel.channelDefinition.channelName : null,
    appName: order.app && order.app.name != null ? order.app.name : channel.app && channel.app.title != null ? channel.app.title : null,
    tags: order.tags,
    originalEmail: order.originalEmail ? order.originalEmail.value : null,
    neutral: STORE.neutral,
  };
  var email = typeof order.email === "string" ? order.email : null;
  var out = { change: false, email: "", original: email || "", marketplace: "", reason: "", version: VERSION };
  var found = detectMarketplace(email, context, STORE.extraDomains);
  if (!found) { out.reason = "not_marketplace"; return out; }
  // As lib/bulk/classify detectWithSettings: our original saved and no relay address now = our own earlier fix.
  // ... unless the address now is the recorded original (an undone fix: exposed again).
  if (!found.neutralised && context.originalEmail && email && addressKey(email) !== addressKey(context.originalEmail) && detectMarketplace(email, {}, STORE.extraDomains) === null) found.neutralised = "fixed";
  out.marketplace = found.marketplace;
  if (found.neutralised) { out.reason = "already_" + found.neutralised; return out; }
  var result = rewriteEmail(email, strategyFor(found.marketplace), { orderId: order.sourceIdentifier, extraDomains: STORE.extraDomains });
  if (!result.ok) { out.reason = result.code; return out; }
  if (!result.changed) { out.reason = "unchanged"; return out; }
  out.change = true;
  out.email = result.email || "";
  out.reason = "fixed";
  return out;
}
`;
