// Downloads (XLSX and CSV reports) for the staff pages: the token goes with the request like any API call (never
// in a URL), and the answer becomes a file through a temporary blob: link, named as the answer's
// Content-Disposition says (else the fallback name).
import { request } from './api.js';
import { el, render, errorNotice } from './ui.js';

/** Downloads path; answers the file name used. */
export async function download(path, fallback) {
  const response = await request('GET', path, undefined, { as: 'response', headers: { Accept: '*/*' } });
  const disposition = response.headers.get('Content-Disposition') || '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  const name = utf8 ? decodeURIComponent(utf8[1]) : plain ? plain[1] : fallback;
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return name;
}

/**
 * A button that downloads path; a problem is shown in outcome (an element of the caller's layout), or, without
 * one, in a line of its own beside the button.
 */
export function downloadButton(label, path, fallback, outcome) {
  const line = outcome || el('span', { 'aria-live': 'polite' });
  const button = el('button', { type: 'button', class: 'btn btn-plain btn-small', 'data-download': fallback, onclick: async () => {
    button.disabled = true;
    try {
      await download(path, fallback);
      render(line);
    } catch (e) {
      render(line, errorNotice(e));
    } finally {
      button.disabled = false;
    }
  } }, label);
  return outcome ? button : el('span', { class: 'row-buttons' }, button, line);
}
