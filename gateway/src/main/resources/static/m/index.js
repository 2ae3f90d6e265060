import { session, tabBar } from '/m/worker.js';

tabBar('');
if (session.get()) {
  const link = document.getElementById('sign-in-link');
  link.textContent = '退出登录';
  link.addEventListener('click', (event) => {
    event.preventDefault();
    session.clear();
    link.textContent = '会员登录';
    link.replaceWith(link.cloneNode(true));
  });
}
