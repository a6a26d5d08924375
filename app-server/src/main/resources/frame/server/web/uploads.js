// Uploads: two or three at a time, each resumable (tus at /api/tus, through the vendored
// tus-js-client) with a byte progress bar, then its steps live from the event stream (with a
// slow poll as the fallback), then its thumbnail.
import { authHeader, call, existingImage, json, pictureUrl } from './api.js';
import { el, formatBytes } from './dom.js';
import { sha256File } from './sha256.js';

const AT_ONCE = 3;
const TRIES = 3;
/** Each chunk's answer is an offset FRAME has made durable. */
const CHUNK_BYTES = 4 * 1024 * 1024;
const TUS_RETRY_DELAYS = [0, 1000, 3000, 5000];
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
    this.acknowledged = 0;
    this.resumed = el('span.resumed', { hidden: true });
    this.progress = el('progress', { max: Math.max(file.size, 1), value: 0, 'aria-label': 'Bytes sent' });
    this.steps = STEPS.map((name) => el('li.step', { text: name }));
    this.note = el('p.note', { role: 'status', text: 'Waiting…' });
    this.thumb = el('div.thumb');
    this.retryButton = el('button.retry', { type: 'button', hidden: true, text: 'Retry', onclick: () => this.again() });
    this.row = el('li.upload', { 'data-state': 'waiting' },
      this.thumb,
      el('div.upload-body', {},
        el('div.upload-head', {}, el('span.name', { text: file.name }), el('span.size', { text: formatBytes(file.size) }),
          this.resumed),
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
      const outcome = await this.post();
      if (outcome.done) return;
      if (attempt < TRIES) {
        this.say(`${outcome.why} Trying again (${attempt + 1} of ${TRIES})…`, 'retrying');
        await pause(outcome.waitMillis || 1500 * attempt);
      } else {
        const kept = this.acknowledged > 0
          ? `FRAME keeps the ${Math.floor((this.acknowledged * 100) / this.file.size)}% that arrived; Retry resumes from there.`
          : 'Nothing was stored. Tap Retry when the connection is back.';
        this.say(`Upload failed: ${outcome.why} ${kept}`, 'failed');
        this.retryButton.hidden = false;
      }
    }
  }

  /**
   * One try with tus-js-client; resolves {done} or {why, waitMillis} for another try. The file's
   * tus fingerprint stays in localStorage until it is done, so a new try, a reload or a FRAME
   * restart continues from the bytes FRAME acknowledged instead of starting over.
   */
  post() {
    return new Promise((resolve) => {
      let result = null;
      const upload = new window.tus.Upload(this.file, {
        endpoint: '/api/tus',
        chunkSize: CHUNK_BYTES,
        retryDelays: TUS_RETRY_DELAYS,
        removeFingerprintOnSuccess: true,
        metadata: { filename: this.file.name, filetype: this.file.type || 'application/octet-stream' },
        headers: authHeader(),
        onAfterResponse: (request, response) => {
          const id = response.getHeader('Frame-Image-Id');
          if (id) result = { id: Number(id), status: response.getHeader('Frame-Image-Status') };
          if (request.getMethod() === 'HEAD' && response.getStatus() === 200) {
            this.resumedAt(Number(response.getHeader('Upload-Offset')));
          }
        },
        onChunkComplete: (chunk, accepted) => {
          this.acknowledged = Math.max(this.acknowledged, accepted);
        },
        onProgress: (sent) => {
          this.progress.value = sent;
          this.say(`Sending ${formatBytes(sent)} of ${formatBytes(this.file.size)}`, 'sending');
        },
        onSuccess: () => {
          this.progress.value = this.progress.max;
          this.finished(result).then(() => resolve({ done: true }));
        },
        onError: (error) => resolve(this.failed(error)),
      });
      upload.findPreviousUploads().then((previous) => {
        if (previous.length > 0) upload.resumeFromPreviousUpload(previous[0]);
        upload.start();
      });
    });
  }

  resumedAt(offset) {
    if (!(offset > 0)) return;
    this.acknowledged = Math.max(this.acknowledged, offset);
    const percent = Math.floor((offset * 100) / Math.max(this.file.size, 1));
    this.resumed.textContent = `resumed at ${percent}%`;
    this.resumed.hidden = false;
  }

  /** The photo the upload became (FRAME names it in Frame-Image-Id and Frame-Image-Status). */
  async finished(result) {
    if (!result) {
      this.say('Sent.', 'sent');
      return;
    }
    const { image } = await json('GET', `/api/images/${result.id}`);
    if (result.status === 'duplicate') this.duplicateOf(image);
    else this.stored(image);
  }

  /** What a failed try means: try again, or stop with the reason. */
  failed(error) {
    const response = error.originalResponse;
    const status = response ? response.getStatus() : 0;
    if (status === 0) return { why: 'the connection dropped.' };
    if (status === 503 || status === 429 || status === 423 || status === 409) {
      return { why: 'FRAME is busy.', waitMillis: 1000 * Number(response.getHeader('Retry-After') || 3) };
    }
    if (status === 401) {
      this.say('Not sent: this device is no longer paired.', 'rejected');
      call('GET', '/api/session').catch(() => {}); // shows the page's notice
      return { done: true };
    }
    if (status === 404 || status === 410) return { why: 'FRAME no longer had the unfinished upload.' };
    let body = {};
    try {
      body = JSON.parse(response.getBody() || '{}');
    } catch {
      // not JSON: keep the plain status
    }
    const refusal = body.error || {};
    const plain = REFUSED[refusal.code];
    this.say(plain ? `${plain} ${refusal.message || ''}`.trim() : `Refused: ${refusal.message || `error ${status}`}`,
      'rejected');
    return { done: true };
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
