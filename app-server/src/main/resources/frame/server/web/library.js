// The library: recent photos as a grid, a filter by state, and a viewer with the preview and the
// camera details. Pictures come with the token in a header and show as blob: URLs.
import { json, pictureUrl } from './api.js';
import { $, el } from './dom.js';

const PAGE = 60;
const STATE_WORDS = {
  UPLOADED: 'Uploading', INGESTED: 'Ingested', PROCESSING: 'Processing', PROCESSED: 'Processed', FAILED: 'Failed',
};

export class Library {
  constructor(grid, filter, count) {
    this.grid = grid;
    this.filter = filter;
    this.count = count;
    this.urls = [];
    this.asked = 0;
    this.shown = 0; // the load whose grid is on screen
    filter.addEventListener('change', () => this.load());
    $('#viewer-close').addEventListener('click', () => this.closeViewer());
  }

  async load() {
    const asked = ++this.asked;
    const status = this.filter.value;
    const query = `limit=${PAGE}${status ? `&status=${status}` : ''}`;
    const page = await json('GET', `/api/images?${query}`);
    // answers can arrive out of order (a live refresh, then a new filter): only the last asked is drawn
    if (asked !== this.asked) return;
    this.shown = asked;
    this.urls.forEach((url) => URL.revokeObjectURL(url));
    this.urls = [];
    this.count.textContent = page.total === 0 ? 'No photos yet.'
      : `${page.total} photo${page.total === 1 ? '' : 's'}${page.total > PAGE ? `, the newest ${PAGE} shown` : ''}`;
    this.grid.replaceChildren(...page.items.map((image) => this.tile(image, asked)));
  }

  tile(image, load) {
    const picture = el('div.tile-picture', {}, el('span.tile-state', { text: STATE_WORDS[image.status] || image.status }));
    const tile = el('button.tile', {
      type: 'button', 'data-status': image.status, title: image.originalName, onclick: () => this.open(image.id),
    }, picture, el('span.tile-name', { text: image.originalName }));
    if (image.status === 'PROCESSED') {
      pictureUrl(`/api/images/${image.id}/thumbnail/256`).then((url) => {
        // the grid asked for it was replaced meanwhile: its tile is gone, so let the blob go now
        if (load !== this.shown) {
          URL.revokeObjectURL(url);
          return;
        }
        this.urls.push(url);
        picture.replaceChildren(el('img', { src: url, alt: image.originalName, loading: 'lazy' }));
      }).catch(() => {});
    }
    return tile;
  }

  async open(id) {
    const viewer = $('#viewer');
    const { image, exif, camera, dateTaken } = await json('GET', `/api/images/${id}`);
    $('#viewer-title').textContent = image.originalName;
    const details = $('#viewer-details');
    const rows = [
      ['State', STATE_WORDS[image.status] || image.status],
      ['Why', image.failureReason],
      ['Size', `${image.width} × ${image.height} px, ${image.format}`],
      ['Taken', dateTaken],
      ['Camera', camera],
      ['Lens', exif?.lens],
      ['Exposure', [exif?.exposureTime, exif?.fNumber && `f/${exif.fNumber}`,
        exif?.iso && `ISO ${exif.iso}`, exif?.focalLength && `${exif.focalLength} mm`].filter(Boolean).join(', ')],
    ].filter(([, value]) => value);
    details.replaceChildren(...rows.flatMap(([name, value]) => [el('dt', { text: name }), el('dd', { text: value })]));
    const picture = $('#viewer-picture');
    picture.replaceChildren();
    viewer.hidden = false;
    if (image.status === 'PROCESSED') {
      try {
        this.previewUrl = await pictureUrl(`/api/images/${id}/preview`);
        picture.replaceChildren(el('img', { src: this.previewUrl, alt: image.originalName }));
      } catch {
        picture.replaceChildren(el('p', { text: 'The preview could not be loaded.' }));
      }
    }
  }

  closeViewer() {
    $('#viewer').hidden = true;
    if (this.previewUrl) URL.revokeObjectURL(this.previewUrl);
    this.previewUrl = null;
  }
}
