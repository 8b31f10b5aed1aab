import en from '../../public/_locales/en/messages.json';

/** The count sentences: every English key `<base>_other` names one (`list_relay` for `list_relay_one`, `list_relay_other`). */
export const PLURAL_BASES: string[] = Object.keys(en).flatMap((key) => (key.endsWith('_other') ? [key.slice(0, -'_other'.length)] : []));
