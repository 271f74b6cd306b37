/**
 * What a person can do about a Clarifai status code. Kept apart from the HTTP client because
 * the advice is about this app's setup (the proxy, the API settings), not about the wire.
 */
export function statusHint(code: number | undefined): string | undefined {
  switch (code) {
    case 11005:
      return 'Too many requests: wait a moment and try again.';
    case 11008:
    case 11009:
      return 'The access token was refused: check CLARIFAI_PAT where `npm start` runs.';
    case 11101:
    case 22102:
      return 'Check the user and app in the API settings, and the workflow id.';
    case 21200:
      return 'A model of this workflow does not exist (or is not shared with you).';
    case 21353:
      return 'A model of this workflow is not deployed where the API runs: the details say how to set it up.';
    case 21355:
      return 'The model is not ready yet: try again in a minute.';
    case 30002:
      return 'The API could not download the input: is the URL public?';
    case 30105:
      return 'The input is too large: images under 20 MB, videos under 128 MB as bytes (or give a URL).';
    case 30106:
      return 'That URL is not valid: it should start with http:// or https://.';
    case 30300:
      return 'The file could not be decoded: is it really an image, a video or an audio file?';
    case 40032:
      return 'The request took too long: try a smaller input.';
    default:
      return undefined;
  }
}
