// The attendant's page (filled in by the next commit).
import { el, render } from '../ui.js';

render(document.getElementById('main'), el('p', {}, '值守登记页面'));
