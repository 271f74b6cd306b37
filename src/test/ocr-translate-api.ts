import { clarifaiJson, OK, type ApiCall } from '@/test/mock-api';

export const config = {
  mode: 'local',
  apiTarget: 'http://127.0.0.1:4010',
  authenticated: false,
  userId: 'local',
  appId: 'main',
};
export const base = '/v2/users/local/apps/main';

const ocrNode = { id: 'ocr', model: { id: 'ocr-eng', model_type_id: 'optical-character-recognizer' } };
const spaNode = {
  id: 'translate-spa',
  model: { id: 'en-es', model_type_id: 'text-to-text' },
  node_inputs: [{ node_id: 'ocr' }],
};
const catNode = {
  id: 'translate-cat',
  model: { id: 'en-ca', model_type_id: 'text-to-text' },
  node_inputs: [{ node_id: 'ocr' }],
};

/** The engine as the page sees it: two workflows, ocr-translate with two versions and answers for both. */
export function ocrTranslateApi(call: ApiCall): Response {
  switch (`${call.method} ${call.path}`) {
    case 'GET /__lens/config':
      return Response.json(config);
    case `GET ${base}/workflows`:
      return clarifaiJson({ status: OK, workflows: [{ id: 'general' }, { id: 'ocr-translate' }] });
    case `GET ${base}/workflows/general`:
      return clarifaiJson({
        status: OK,
        workflow: {
          id: 'general',
          nodes: [
            {
              id: 'classify',
              model: { id: 'general-image-recognition', model_type_id: 'visual-classifier' },
            },
          ],
        },
      });
    case `GET ${base}/workflows/general/versions`:
      return clarifaiJson({
        status: OK,
        workflow_versions: [{ id: 'g1', created_at: '2025-01-01T00:00:00Z' }],
      });
    case `GET ${base}/workflows/ocr-translate`:
      return clarifaiJson({
        status: OK,
        workflow: { id: 'ocr-translate', description: 'Reads signs', nodes: [ocrNode, spaNode, catNode] },
      });
    case `GET ${base}/workflows/ocr-translate/versions`:
      return clarifaiJson({
        status: OK,
        workflow_versions: [
          { id: 'newer0000001', created_at: '2025-02-01T00:00:00Z', nodes: [ocrNode, spaNode, catNode] },
          { id: 'older0000001', created_at: '2025-01-01T00:00:00Z', nodes: [ocrNode, spaNode] },
        ],
      });
    case `POST ${base}/workflows/ocr-translate/versions/older0000001/results`:
      // By line, then Spanish.
      return signAnswer([['THE HOUSE IS RED', 0.1, 0.5]], ['LA CASA ES ROJA']);
    case `POST ${base}/workflows/ocr-translate/versions/newer0000001/results`:
      // By word, then Spanish and Catalan.
      return signAnswer(
        [
          ['THE', 0.1, 0.2],
          ['HOUSE', 0.22, 0.35],
        ],
        ['LA CASA ES AZUL', 'LA CASA ÉS VERMELLA'],
      );
    default:
      return clarifaiJson({ status: { code: 11101, description: 'Resource does not exist' } }, 404);
  }
}

/** One sign's answer: OCR regions (text, left, right) on one line, then one text per translation. */
function signAnswer(regions: readonly [string, number, number][], translations: readonly string[]): Response {
  const translators = ['en-es', 'en-ca'];
  return clarifaiJson({
    status: OK,
    results: [
      {
        status: OK,
        input: { id: 'in', data: { image: { url: 'https://example.com/sign.png' } } },
        outputs: [
          {
            status: OK,
            model: { id: 'ocr-eng' },
            data: {
              regions: regions.map(([raw, left, right]) => ({
                region_info: {
                  bounding_box: { top_row: 0.1, left_col: left, bottom_row: 0.2, right_col: right },
                },
                data: { text: { raw } },
              })),
            },
          },
          ...translations.map((raw, i) => ({
            status: OK,
            model: { id: translators[i] },
            data: { text: { raw } },
          })),
        ],
      },
    ],
  });
}
