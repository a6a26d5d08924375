// Pairing this browser: a code from the QR link (in the URL's fragment, which no request carries)
// or six digits typed by hand, traded once for a device token kept in localStorage.
import { device, pair } from './api.js';
import { $, show } from './dom.js';

/** A name for this device from what the browser tells about itself; the person can change it. */
export function guessDeviceName() {
  const agent = navigator.userAgent || '';
  const platform = (navigator.userAgentData && navigator.userAgentData.platform) || '';
  const model = [
    [/iPhone/, 'iPhone'], [/iPad/, 'iPad'], [/Android/, 'Android phone'], [/Macintosh/, 'Mac'],
    [/Windows/, 'Windows PC'], [/CrOS/, 'Chromebook'], [/Linux/, 'Linux PC'],
  ].find(([pattern]) => pattern.test(agent) || pattern.test(platform));
  const browser = [[/Edg\//, 'Edge'], [/Firefox\//, 'Firefox'], [/Chrome\//, 'Chrome'], [/Safari\//, 'Safari']]
    .find(([pattern]) => pattern.test(agent));
  return `${model ? model[1] : 'Device'}${browser ? ` (${browser[1]})` : ''}`;
}

// The certificate fingerprint a pairing link carries (#pair=...&fp=AB:12:...), shown for comparing.
let linkFingerprint = null;

/** The code in a pairing link (#pair=...), removed from the address bar at once. */
export function takeLinkCode() {
  const match = /^#pair=([A-Za-z0-9_-]{8,64})(?:&fp=((?:[0-9A-F]{2}:){31}[0-9A-F]{2}))?$/.exec(location.hash);
  if (location.hash) history.replaceState(null, '', location.pathname);
  linkFingerprint = match && match[2] ? match[2] : null;
  return match ? match[1] : null;
}

/** Over HTTPS, a plain word on the browser's one-time warning about FRAME's own certificate. */
function explainCertificate() {
  show($('#pair-certificate'), location.protocol === 'https:');
  $('#pair-fingerprint-value').textContent = linkFingerprint || '';
  show($('#pair-fingerprint'), Boolean(linkFingerprint));
}

/** Shows the pairing form; resolves once this browser holds a device token. */
export function showPairing(linkCode, notice) {
  const form = $('#pair-form');
  const name = $('#pair-name');
  const digits = $('#pair-digits');
  const message = $('#pair-message');
  const digitsRow = $('#pair-digits-row');
  show($('#pairing'), true);
  show($('#main'), false);
  $('#pair-notice').textContent = notice || '';
  show($('#pair-notice'), Boolean(notice));
  name.value = name.value || guessDeviceName();
  show(digitsRow, !linkCode);
  explainCertificate();
  $('#pair-intro').textContent = linkCode
    ? 'Name this device, then pair it with FRAME.'
    : 'Type the six digits FRAME shows (Server pane, or "frame pair"), or scan its QR code.';
  message.textContent = '';
  return new Promise((resolve) => {
    form.onsubmit = async (event) => {
      event.preventDefault();
      const code = linkCode || digits.value.replace(/\s/g, '');
      if (!linkCode && !/^\d{6}$/.test(code)) {
        message.textContent = 'The pairing code is six digits.';
        return;
      }
      $('#pair-submit').disabled = true;
      message.textContent = 'Pairing…';
      try {
        const paired = await pair(code, name.value.trim());
        device.save(paired.token, paired.name);
        show($('#pairing'), false);
        resolve(paired);
      } catch (error) {
        message.textContent = error.message || 'Pairing failed: FRAME did not answer.';
        if (linkCode && error.status === 401) {
          // a used or expired link cannot work again: offer the digits instead
          linkCode = null;
          show(digitsRow, true);
        }
      } finally {
        $('#pair-submit').disabled = false;
      }
    };
  });
}
