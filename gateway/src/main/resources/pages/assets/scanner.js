// Reads a member's e-card QR code with the camera where the browser has BarcodeDetector (Chrome on Android and on
// desktops); elsewhere the card number is typed. Shared by the attendant's page and the officer's desk.

export function canScan() {
  return 'BarcodeDetector' in window && !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}

/**
 * Shows the camera in `video` until a QR code is read (answers its text) or `signal` aborts (answers null).
 * facingMode: 'environment' for a phone's back camera, 'user' for a desk's webcam (any camera is taken if absent).
 */
export async function scanQr(video, signal, facingMode = 'environment') {
  const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode }, audio: false });
  video.srcObject = stream;
  await video.play();
  try {
    while (!signal.aborted) {
      const codes = await detector.detect(video).catch(() => []);
      if (codes.length && codes[0].rawValue) return codes[0].rawValue;
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    return null;
  } finally {
    stream.getTracks().forEach(track => track.stop());
    video.srcObject = null;
  }
}

/** A scanned text: a card number (letters, digits, '-', 4-32) or else a member QR token. */
export function visitorOf(text) {
  const value = String(text || '').trim();
  return /^[A-Za-z0-9-]{4,32}$/.test(value) ? { cardNumber: value } : { qrToken: value };
}
