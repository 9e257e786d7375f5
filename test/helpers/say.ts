/** The English words of the question stems, as the CLI passes them for --lang en. */
import { messagesFor } from '../../src/ui/i18n.js';

export const sayEn = messagesFor('en').text;
export const sayJa = messagesFor('ja').text;
