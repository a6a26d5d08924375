// The phone page: pair once, then upload and watch, or browse the library.
import { NotPaired, Revoked, device, events, json, onUnpaired } from './api.js';
import { $, show } from './dom.js';
import { Library } from './library.js';
import { showPairing, takeLinkCode } from './pairing.js';
import { Uploads } from './uploads.js';

let stream = null;
let started = false;

async function main() {
  const linkCode = takeLinkCode();
  onUnpaired(unpaired);
  if (linkCode || !device.get()) {
    await showPairing(linkCode);
  } else {
    try {
      await json('GET', '/api/session');
    } catch (error) {
      if (error instanceof Revoked || error instanceof NotPaired) return; // unpaired() shows the form
      $('#connection').textContent = 'FRAME is not answering. Reload when it runs again.';
    }
  }
  start();
}

function unpaired(error) {
  if (stream) stream.stop();
  stream = null;
  device.forget();
  const notice = error instanceof Revoked
    ? 'This device is no longer paired with FRAME. To use it again, pair it anew.'
    : 'This browser’s pairing is not valid any more. Pair it again.';
  $('#device-name').textContent = '';
  $('#connection').textContent = '';
  showPairing(null, notice).then(start);
}

function start() {
  show($('#pairing'), false);
  show($('#main'), true);
  $('#device-name').textContent = device.get()?.name || '';
  if (!started) {
    started = true;
    wire();
  }
  library.load().catch(() => {});
  stream = events((event) => uploads.imageChanged(event), (state) => {
    $('#connection').textContent = state === 'live' ? 'Live' : 'Reconnecting…';
    $('#connection').dataset.state = state;
    if (state === 'live') uploads.refreshAll();
  });
}

let uploads;
let library;

function wire() {
  library = new Library($('#grid'), $('#filter'), $('#library-count'));
  let reload = null;
  uploads = new Uploads($('#uploads'), () => {
    clearTimeout(reload);
    reload = setTimeout(() => library.load().catch(() => {}), 800);
  });
  for (const input of [$('#choose'), $('#camera')]) {
    input.addEventListener('change', () => {
      uploads.add([...input.files]);
      input.value = '';
      tab('upload');
    });
  }
  $('#tab-upload').addEventListener('click', () => tab('upload'));
  $('#tab-library').addEventListener('click', () => {
    tab('library');
    library.load().catch(() => {});
  });
}

function tab(name) {
  for (const which of ['upload', 'library']) {
    show($(`#panel-${which}`), which === name);
    $(`#tab-${which}`).setAttribute('aria-selected', String(which === name));
  }
}

addEventListener('offline', () => {
  $('#connection').textContent = 'Offline';
  $('#connection').dataset.state = 'offline';
});

main();
