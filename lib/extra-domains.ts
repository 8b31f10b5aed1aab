/**
 * Which extra relay domains a merchant may add. An extra domain flags every address under it, so two
 * kinds would flag everybody: a public suffix (`co.uk`, `com.au`: every shop in a country) and a large
 * consumer mail provider (`gmail.com`: most real customers). Public suffixes come from the maintained
 * Public Suffix List (tldts), not from a list of ours; consumer providers are a short list below,
 * matched on the registrable domain so `mail.gmail.com` counts as gmail.com.
 *
 * Used where settings are saved or imported (popup), never by the content script or background readers.
 */
import { parse } from 'tldts';
import type { SettingsChecks } from './settings';

/** Providers whose name is theirs under many country endings (gmail.com, yahoo.co.uk, gmx.de …). */
const PROVIDER_NAMES = new Set([
  'gmail', 'googlemail', 'hotmail', 'outlook', 'live', 'windowslive', 'msn', 'yahoo', 'ymail', 'rocketmail', 'icloud', 'aol',
  'gmx', 'yandex', 'protonmail', 'zoho', 'libero', 'orange', 'wanadoo', 'laposte', 'telenet', 'bluewin', 'seznam', 'rediffmail',
]);

/** Providers known by one registrable domain (ISPs and national webmail). */
const PROVIDER_DOMAINS = new Set([
  'me.com', 'mac.com', 'proton.me', 'pm.me', 'tutanota.com', 'tuta.io', 'fastmail.com', 'hey.com', 'mail.com', 'email.com',
  'web.de', 't-online.de', 'freenet.de', 'arcor.de', 'posteo.de', 'mailbox.org', 'online.de', 'vodafone.de',
  'free.fr', 'sfr.fr', 'neuf.fr', 'bbox.fr', 'numericable.fr',
  'virgilio.it', 'alice.it', 'tiscali.it', 'tim.it', 'email.it', 'fastwebnet.it',
  'ziggo.nl', 'kpnmail.nl', 'kpnplanet.nl', 'hetnet.nl', 'home.nl', 'planet.nl', 'xs4all.nl', 'chello.nl',
  'skynet.be', 'proximus.be', 'scarlet.be',
  'terra.es', 'telefonica.net', 'movistar.es', 'ono.com',
  'btinternet.com', 'sky.com', 'virginmedia.com', 'talktalk.net', 'ntlworld.com',
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net', 'charter.net', 'earthlink.net',
  'shaw.ca', 'rogers.com', 'sympatico.ca', 'bigpond.com', 'optusnet.com.au',
  'mail.ru', 'bk.ru', 'inbox.ru', 'list.ru', 'rambler.ru', 'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl',
  'qq.com', '163.com', '126.com', 'naver.com', 'daum.net',
]);

export type ExtraDomainRefusal = 'extra_domain_public_suffix' | 'extra_domain_mail_provider';

/** Why `asciiDomain` (already normalised: lower case, ASCII) may not be an extra relay domain, or null. */
export function extraDomainRefusal(asciiDomain: string): ExtraDomainRefusal | null {
  // No registrable part: the whole name is a public suffix (ICANN like co.uk, or private like github.io).
  if (parse(asciiDomain, { allowPrivateDomains: true }).domain === null) return 'extra_domain_public_suffix';
  const { domain, domainWithoutSuffix } = parse(asciiDomain);
  if ((domain && PROVIDER_DOMAINS.has(domain)) || (domainWithoutSuffix && PROVIDER_NAMES.has(domainWithoutSuffix))) return 'extra_domain_mail_provider';
  return null;
}

/** What saving or importing settings must check (lib/settings.ts `SettingsChecks`). */
export const WRITE_CHECKS: SettingsChecks = { extraDomain: extraDomainRefusal };
