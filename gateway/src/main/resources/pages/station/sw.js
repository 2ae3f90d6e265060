// The attendant page's service worker: keeps the page shell and its assets so the page opens without a network.
// API calls are never touched (the page keeps its own outbox). Every /assets/ below is versioned by the gateway,
// so a new release installs a new cache and deletes the old one.
const CACHE = 'station-shell /assets/';
const SHELL = [
  '/station/',
  '/station/manifest.webmanifest',
  '/assets/app.css',
  '/assets/api.js',
  '/assets/ui.js',
  '/assets/db.js',
  '/assets/station/station.js',
  '/assets/station/outbox.js',
  '/assets/scanner.js',
  '/assets/station/activity-door.js',
  '/assets/m/activity-labels.js',
  '/assets/icons/station-192.png',
];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(key => key.startsWith('station-shell') && key !== CACHE).map(key => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (event.request.mode === 'navigate') {
    // Network first, so the attendant gets the newest page when online; the cached shell after 4 s or an error.
    event.respondWith((async () => {
      const network = fetch(event.request);
      try {
        return await Promise.race([network, new Promise((_, reject) => setTimeout(() => reject(new Error('slow')), 4000))]);
      } catch (slowOrOffline) {
        return (await caches.match('/station/', { cacheName: CACHE, ignoreVary: true })) || network;
      }
    })());
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname === '/station/manifest.webmanifest') {
    // ignoreVary: the gateway answers "Vary: Origin", and module scripts are fetched with an Origin header that the
    // install-time requests lacked, so a strict match would miss every script when offline.
    event.respondWith(caches.match(event.request, { cacheName: CACHE, ignoreVary: true })
      .then(hit => hit || fetch(event.request)));
  }
});
