// Uploads one file to FRAME with the tus project's own client (tus-js-client), printing one JSON
// line per event for the JUnit test that runs it: created, chunk, resumed, success or error.
// Usage: node tus-upload.cjs ENDPOINT TOKEN FILE [--resume UPLOAD_URL] [--chunk BYTES] [--delay MS]
const tus = require('tus-js-client');
const fs = require('fs');

const [endpoint, token, file, ...rest] = process.argv.slice(2);
const option = (name) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};
const print = (event) => process.stdout.write(JSON.stringify(event) + '\n');
const delay = Number(option('--delay') || 0);
const size = fs.statSync(file).size;
let imageId = null;
let imageStatus = null;

const upload = new tus.Upload(fs.createReadStream(file), {
  endpoint,
  uploadUrl: option('--resume'),
  uploadSize: size,
  chunkSize: Number(option('--chunk') || 0) || Infinity,
  retryDelays: null,
  metadata: { filename: require('path').basename(file), filetype: 'image/jpeg' },
  headers: { Authorization: 'Bearer ' + token },
  onBeforeRequest: () => (delay > 0 ? new Promise((resolve) => setTimeout(resolve, delay)) : undefined),
  onAfterResponse: (req, res) => {
    if (req.getMethod() === 'HEAD') print({ event: 'resumed', offset: Number(res.getHeader('Upload-Offset')) });
    if (res.getHeader('Frame-Image-Id')) {
      imageId = Number(res.getHeader('Frame-Image-Id'));
      imageStatus = res.getHeader('Frame-Image-Status');
    }
  },
  onUploadUrlAvailable: () => print({ event: 'created', url: upload.url }),
  onChunkComplete: (chunk, accepted, total) => print({ event: 'chunk', accepted, total }),
  onSuccess: () => print({ event: 'success', url: upload.url, imageId, imageStatus }),
  onError: (error) => {
    print({ event: 'error', message: String(error && error.message), status: error.originalResponse ? error.originalResponse.getStatus() : 0 });
    process.exitCode = 2;
  },
});
upload.start();
