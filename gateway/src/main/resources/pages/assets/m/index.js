import { forgetSession, restoreSession } from './worker.js';

const link = document.getElementById('sign-in-link');
restoreSession().then(saved => {
  if (!saved) return;
  link.querySelector('.title').firstChild.textContent = '退出登录';
  link.addEventListener('click', async event => {
    event.preventDefault();
    await forgetSession();
    location.reload();
  });
});
