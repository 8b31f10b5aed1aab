/**
 * The privacy policy inside the extension (the popup links here), so it reads offline and is always
 * the text of the installed version: PRIVACY.md itself, bundled at build time and drawn with DOM nodes
 * (no innerHTML). Handles the Markdown PRIVACY.md uses: # headings, paragraphs, "- " lists, **bold**
 * and `code`.
 */
import policy from '../../PRIVACY.md?raw';
import { renderMarkdown } from './markdown';
import './privacy.css';

const main = document.getElementById('policy');
if (main) main.append(...renderMarkdown(document, policy));
