// XLSX downloads from the desk: the token goes with the request like any API call (never in a URL), the answer
// becomes a file through a temporary blob: link.
import { api } from '../api.js';
import { el, render, errorNotice } from '../ui.js';

/** A button that downloads `path` as `fileName`; problems are shown in `outcome`. */
export function downloadButton(label, path, fileName, outcome) {
  const button = el('button', { type: 'button', class: 'btn btn-plain btn-small', 'data-download': fileName, onclick: async () => {
    button.disabled = true;
    try {
      const blob = await api.blob(path);
      const link = el('a', { href: URL.createObjectURL(blob), download: fileName, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
      if (outcome) render(outcome);
    } catch (e) {
      if (outcome) render(outcome, errorNotice(e));
    } finally {
      button.disabled = false;
    }
  } }, label);
  return button;
}
