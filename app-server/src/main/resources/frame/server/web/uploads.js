// Uploads: two or three at a time, each with a byte progress bar, then its steps live from the
// event stream (with a slow poll as the fallback), then its thumbnail.
import { authHeader, call, existingImage, json, pictureUrl } from './api.js';
import { el, formatBytes } from './dom.js';
import { sha256File } from './sha256.js';

const AT_ONCE = 3;
const TRIES = 3;
const STEPS = ['Upload', 'Ingest', 'Process', 'Processed'];
/** How many steps are done in each state, and which one is under way. */
const PROGRESS = { UPLOADED: [1, 1], INGESTED: [2, 2], PROCESSING: [2, 2], PROCESSED: [4, -1], FAILED: [2, -1] };

const REFUSED = {
  unsupported_format: 'FRAME cannot read this kind of file.',
  image_too_large: 'This photo has too many pixels for FRAME.',
  too_large: 'This file is over the size limit.',
  empty_file: 'This file is empty.',
  corrupt_image: 'This file is damaged.',
  checksum_mismatch: 'The file changed on its way to FRAME; try again.',
};

export class Uploads {
  constructor(list, onProcessed) {
    this.list = list;
    this.onProcessed = onProcessed;
    this.waiting = [];
    this.running = 0;
    this.byImage = new Map();
    addEventListener('online', () => this.pump());
  }

  add(files) {
    for (const file of files) {
      const item = new Item(file, this);
      this.list.prepend(item.row);
      this.waiting.push(item);
    }
    this.pump();
  }

  pump() {
    while (this.running < AT_ONCE && this.waiting.length > 0) {
      const item = this.waiting.shift();
      this.running++;
      item.send().finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  retry(item) {
    this.waiting.push(item);
    this.pump();
  }

  /** An image event from the stream. */
  imageChanged(event) {
    const item = this.byImage.get(event.imageId);
    if (item) item.refresh();
  }

  /** After the stream reconnects: events may have been missed. */
  refreshAll() {
    this.byImage.forEach((item) => item.refresh());
  }
}

class Item {
  constructor(file, uploads) {
    this.file = file;
    this.uploads = uploads;
    this.imageId = null;
    this.status = null;
    this.progress = el('progress', { max: Math.max(file.size, 1), value: 0, 'aria-label': 'Bytes sent' });
    this.steps = STEPS.map((name) => el('li.step', { text: name }));
    this.note = el('p.note', { role: 'status', text: 'Waiting…' });
    this.thumb = el('div.thumb');
    this.retryButton = el('button.retry', { type: 'button', hidden: true, text: 'Retry', onclick: () => this.again() });
    this.row = el('li.upload', { 'data-state': 'waiting' },
      this.thumb,
      el('div.upload-body', {},
        el('div.upload-head', {}, el('span.name', { text: file.name }), el('span.size', { text: formatBytes(file.size) })),
        this.progress,
        el('ol.steps', {}, ...this.steps),
        this.note,
        this.retryButton));
  }

  say(text, state) {
    this.note.textContent = text;
    if (state) this.row.dataset.state = state;
  }

  again() {
    this.retryButton.hidden = true;
    this.say('Waiting…', 'waiting');
    this.uploads.retry(this);
  }

  async send() {
    this.say('Checking whether FRAME has it already…', 'checking');
    let sha256 = null;
    try {
      sha256 = await sha256File(this.file);
      const existing = sha256 ? await existingImage(sha256) : null;
      if (existing) {
        const { image } = await json('GET', `/api/images/${existing}`);
        this.duplicateOf(image);
        return;
      }
    } catch (error) {
      if (error.name === 'NotReadableError') {
        this.say('This file cannot be read on this device.', 'rejected');
        return;
      }
      // the check is an optimisation: the upload finds duplicates too
    }
    for (let attempt = 1; attempt <= TRIES; attempt++) {
      const outcome = await this.post(sha256);
      if (outcome.done) return;
      if (attempt < TRIES) {
        this.say(`${outcome.why} Trying again (${attempt + 1} of ${TRIES})…`, 'retrying');
        await pause(outcome.waitMillis || 1500 * attempt);
      } else {
        this.say(`Upload failed: ${outcome.why} Nothing was stored. Tap Retry when the connection is back.`, 'failed');
        this.retryButton.hidden = false;
      }
    }
  }

  /** One try; resolves {done} or {why, waitMillis} for another try. */
  post(sha256) {
    return new Promise((resolve) => {
      const request = new XMLHttpRequest();
      request.open('POST', '/api/upload');
      for (const [name, value] of Object.entries(authHeader())) request.setRequestHeader(name, value);
      if (sha256) request.setRequestHeader('X-Content-SHA256', sha256);
      request.responseType = 'json';
      request.upload.onprogress = (event) => {
        this.progress.value = event.loaded;
        this.say(`Sending ${formatBytes(event.loaded)} of ${formatBytes(this.file.size)}`, 'sending');
      };
      request.onerror = () => resolve({ why: 'the connection dropped.' });
      request.ontimeout = () => resolve({ why: 'FRAME stopped answering.' });
      request.onabort = () => resolve({ why: 'the upload was interrupted.' });
      request.onload = () => {
        const body = request.response || {};
        if (request.status === 200 || request.status === 201) {
          this.progress.value = this.progress.max;
          const result = body.results ? body.results[0] : body;
          if (result.duplicate) this.duplicateOf(result.image);
          else this.stored(result.image);
          resolve({ done: true });
        } else if (request.status === 503 || request.status === 429) {
          resolve({ why: 'FRAME is busy.', waitMillis: 1000 * Number(request.getResponseHeader('Retry-After') || 3) });
        } else if (request.status === 401) {
          this.say('Not sent: this device is no longer paired.', 'rejected');
          call('GET', '/api/session').catch(() => {}); // shows the page's notice
          resolve({ done: true });
        } else {
          const error = body.error || {};
          const plain = REFUSED[error.code];
          this.say(plain ? `${plain} ${error.message || ''}`.trim() : `Refused: ${error.message || `error ${request.status}`}`,
            'rejected');
          resolve({ done: true });
        }
      };
      const form = new FormData();
      form.append('file', this.file, this.file.name);
      request.send(form);
    });
  }

  duplicateOf(image) {
    this.progress.value = this.progress.max;
    this.imageId = image.id;
    this.say(`Already in FRAME: the same photo as “${image.originalName}” (photo ${image.id}).`, 'duplicate');
    this.track(image.status);
  }

  stored(image) {
    this.imageId = image.id;
    this.say('Sent. FRAME is working on it…', 'sent');
    this.track(image.status);
  }

  track(status) {
    this.uploads.byImage.set(this.imageId, this);
    // a slow poll in case the stream is down; events make it quick
    this.poll = setInterval(() => this.refresh(), 5000);
    this.show(status);
    if (this.poll) this.refresh();
  }

  async refresh() {
    try {
      const { image } = await json('GET', `/api/images/${this.imageId}`);
      this.show(image.status, image);
    } catch {
      // the next event or poll tries again
    }
  }

  show(status, image) {
    if (status === this.status) return;
    this.status = status;
    const [done, current] = PROGRESS[status] || [1, 1];
    this.steps.forEach((step, i) => {
      step.classList.toggle('done', i < done);
      step.classList.toggle('current', i === current);
      step.classList.toggle('failed', status === 'FAILED' && i === this.steps.length - 1);
    });
    if (status === 'FAILED') {
      if (image) this.say(`Failed: ${image.failureReason || 'FRAME could not process this photo.'}`, 'failed');
      else this.status = null; // fetch the reason on the next refresh
    }
    if (status === 'PROCESSED') {
      if (this.row.dataset.state !== 'duplicate') this.say('Processed.', 'processed');
      this.loadThumbnail();
    }
    if (status === 'PROCESSED' || status === 'FAILED') {
      if (image || status === 'PROCESSED') {
        clearInterval(this.poll);
        this.poll = null;
        this.uploads.byImage.delete(this.imageId);
        if (status === 'PROCESSED') this.uploads.onProcessed();
      }
    }
  }

  async loadThumbnail() {
    try {
      const url = await pictureUrl(`/api/images/${this.imageId}/thumbnail/256`);
      this.thumb.replaceChildren(el('img', { src: url, alt: this.file.name }));
    } catch {
      // the step list says Processed; the picture shows in the library
    }
  }
}

function pause(millis) {
  return new Promise((resolve) => setTimeout(resolve, millis));
}
