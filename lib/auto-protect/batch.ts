/** The audit batch of every change the automatic protection makes: the dashboard shows it as "Automatic". */
export const AUTO_BATCH = 'automatic';
