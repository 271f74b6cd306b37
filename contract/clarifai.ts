/**
 * Clarifai's v2 REST contract, as zod schemas: the one description of the wire format that the
 * app (parsing responses) and the engine (validating requests, typing responses) share.
 *
 * Objects are loose on purpose: Clarifai's responses carry many fields a viewer never reads, and a
 * client must not break when the cloud adds one. Fields are optional wherever Clarifai omits empty
 * values (a missing `left_col` means 0, frame 0 may lack `index`). No transforms, so the type that
 * goes on the wire is the type that comes out of parsing.
 */
import { z } from 'zod';

/** 64-bit integers (e.g. `frame_info.time`) may arrive as JSON numbers or as strings. */
export const Int64 = z.union([z.number(), z.string()]);

export const Status = z.looseObject({
  code: z.number(),
  description: z.string().optional(),
  details: z.string().optional(),
  req_id: z.string().optional(),
  /** Engine extension: how long the step took, in milliseconds. Clarifai's cloud omits it. */
  time_ms: z.number().optional(),
});
export type Status = z.infer<typeof Status>;

export const ImageInfo = z.looseObject({
  width: z.number().optional(),
  height: z.number().optional(),
  format: z.string().optional(),
  color_mode: z.string().optional(),
});

export const Image = z.looseObject({
  url: z.string().optional(),
  base64: z.string().optional(),
  image_info: ImageInfo.optional(),
});
export type Image = z.infer<typeof Image>;

export const Video = z.looseObject({
  url: z.string().optional(),
  base64: z.string().optional(),
  video_info: z.looseObject({}).optional(),
});

export const Audio = z.looseObject({
  url: z.string().optional(),
  base64: z.string().optional(),
  audio_info: z
    .looseObject({
      audio_format: z.string().optional(),
      sample_rate: z.number().optional(),
      duration_seconds: z.number().optional(),
      bit_rate: z.number().optional(),
    })
    .optional(),
});

export const Text = z.looseObject({
  raw: z.string().optional(),
  url: z.string().optional(),
  text_info: z.looseObject({ encoding: z.string().optional() }).optional(),
});

export const Concept = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  value: z.number().optional(),
  app_id: z.string().optional(),
});
export type Concept = z.infer<typeof Concept>;

/** Fractions 0..1 of the image's height (rows) and width (columns). */
export const BoundingBox = z.looseObject({
  top_row: z.number().optional(),
  left_col: z.number().optional(),
  bottom_row: z.number().optional(),
  right_col: z.number().optional(),
});
export type BoundingBox = z.infer<typeof BoundingBox>;

export const Point = z.looseObject({
  row: z.number().optional(),
  col: z.number().optional(),
  z: z.number().optional(),
});

export const Embedding = z.looseObject({
  vector: z.array(z.number()),
  num_dimensions: z.number().optional(),
});

export const Cluster = z.looseObject({
  id: z.string(),
  count: z.number().optional(),
  score: z.number().optional(),
  projection: z.array(z.number()).optional(),
});

export const FrameInfo = z.looseObject({
  index: z.number().optional(),
  time: Int64.optional(),
});

export const TimeInfo = z.looseObject({
  begin_time: z.number().optional(),
  end_time: z.number().optional(),
  num_frames: z.number().optional(),
});

/** The payload of an input or an output. Recursive: regions and frames carry their own `data`. */
export const Data = z.looseObject({
  image: Image.optional(),
  video: Video.optional(),
  audio: Audio.optional(),
  text: Text.optional(),
  concepts: z.array(Concept).optional(),
  get regions() {
    return z.array(Region).optional();
  },
  get frames() {
    return z.array(Frame).optional();
  },
  get tracks() {
    return z.array(Track).optional();
  },
  embeddings: z.array(Embedding).optional(),
  clusters: z.array(Cluster).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type Data = z.infer<typeof Data>;

export const RegionInfo = z.looseObject({
  bounding_box: BoundingBox.optional(),
  mask: z.looseObject({ image: Image.optional() }).optional(),
  polygon: z.looseObject({ points: z.array(Point).optional() }).optional(),
  point: Point.optional(),
});

export const Region = z.looseObject({
  id: z.string().optional(),
  value: z.number().optional(),
  track_id: z.string().optional(),
  region_info: RegionInfo.optional(),
  get data() {
    return Data.optional();
  },
});
export type Region = z.infer<typeof Region>;

export const Frame = z.looseObject({
  id: z.string().optional(),
  frame_info: FrameInfo.optional(),
  get data() {
    return Data.optional();
  },
});
export type Frame = z.infer<typeof Frame>;

export const Track = z.looseObject({
  id: z.string().optional(),
  time_info: TimeInfo.optional(),
  get data() {
    return Data.optional();
  },
});

export const Input = z.looseObject({
  id: z.string().optional(),
  data: Data,
});
export type Input = z.infer<typeof Input>;

export const ModelVersion = z.looseObject({
  id: z.string(),
  created_at: z.string().optional(),
  status: Status.optional(),
  description: z.string().optional(),
});

/** Parameters of a model or of one node (`output_info.params`, `output_info_override.params`). */
export const OutputInfo = z.looseObject({
  params: z.record(z.string(), z.unknown()).optional(),
  message: z.string().optional(),
  type: z.string().optional(),
});

export const Model = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  model_type_id: z.string().optional(),
  user_id: z.string().optional(),
  app_id: z.string().optional(),
  created_at: z.string().optional(),
  model_version: ModelVersion.optional(),
  output_info: OutputInfo.optional(),
});
export type Model = z.infer<typeof Model>;

export const WorkflowNode = z.looseObject({
  id: z.string(),
  model: Model,
  node_inputs: z.array(z.looseObject({ node_id: z.string() })).optional(),
  suppress_output: z.boolean().optional(),
  output_info_override: OutputInfo.optional(),
});
export type WorkflowNode = z.infer<typeof WorkflowNode>;

export const WorkflowVersion = z.looseObject({
  id: z.string(),
  workflow_id: z.string().optional(),
  created_at: z.string().optional(),
  modified_at: z.string().optional(),
  description: z.string().optional(),
  nodes: z.array(WorkflowNode).optional(),
  app_id: z.string().optional(),
  user_id: z.string().optional(),
});
export type WorkflowVersion = z.infer<typeof WorkflowVersion>;

export const Workflow = z.looseObject({
  id: z.string(),
  app_id: z.string().optional(),
  user_id: z.string().optional(),
  created_at: z.string().optional(),
  modified_at: z.string().optional(),
  description: z.string().optional(),
  nodes: z.array(WorkflowNode).optional(),
  version: WorkflowVersion.optional(),
});
export type Workflow = z.infer<typeof Workflow>;

export const Output = z.looseObject({
  id: z.string().optional(),
  status: Status.optional(),
  created_at: z.string().optional(),
  model: Model.optional(),
  input: Input.optional(),
  data: Data.optional(),
});
export type Output = z.infer<typeof Output>;

export const WorkflowResult = z.looseObject({
  id: z.string().optional(),
  status: Status.optional(),
  input: Input.optional(),
  outputs: z.array(Output).optional(),
});
export type WorkflowResult = z.infer<typeof WorkflowResult>;

// ---------------------------------------------------------------------------------------------
// Requests

export const UserAppId = z.looseObject({
  user_id: z.string().optional(),
  app_id: z.string().optional(),
});

export const OutputConfig = z.looseObject({
  min_value: z.number().optional(),
  max_concepts: z.number().optional(),
  select_concepts: z.array(Concept.partial().extend({ id: z.string().optional() })).optional(),
  sample_ms: z.number().optional(),
});
export type OutputConfig = z.infer<typeof OutputConfig>;

export const PostWorkflowResultsRequest = z.looseObject({
  user_app_id: UserAppId.optional(),
  inputs: z.array(Input),
  output_config: OutputConfig.optional(),
});
export type PostWorkflowResultsRequest = z.infer<typeof PostWorkflowResultsRequest>;

export const PatchWorkflowsRequest = z.looseObject({
  user_app_id: UserAppId.optional(),
  action: z.string().optional(),
  workflows: z
    .array(
      z.looseObject({
        id: z.string(),
        description: z.string().optional(),
        nodes: z.array(WorkflowNode).optional(),
      }),
    )
    .min(1),
});
export type PatchWorkflowsRequest = z.infer<typeof PatchWorkflowsRequest>;

// ---------------------------------------------------------------------------------------------
// Responses

export const BaseResponse = z.looseObject({ status: Status });
export type BaseResponse = z.infer<typeof BaseResponse>;

export const MultiWorkflowResponse = z.looseObject({
  status: Status,
  workflows: z.array(Workflow).optional(),
});
export type MultiWorkflowResponse = z.infer<typeof MultiWorkflowResponse>;

export const SingleWorkflowResponse = z.looseObject({ status: Status, workflow: Workflow });
export type SingleWorkflowResponse = z.infer<typeof SingleWorkflowResponse>;

export const MultiWorkflowVersionResponse = z.looseObject({
  status: Status,
  workflow_versions: z.array(WorkflowVersion).optional(),
});
export type MultiWorkflowVersionResponse = z.infer<typeof MultiWorkflowVersionResponse>;

export const SingleWorkflowVersionResponse = z.looseObject({
  status: Status,
  workflow_version: WorkflowVersion,
});
export type SingleWorkflowVersionResponse = z.infer<typeof SingleWorkflowVersionResponse>;

export const SingleModelResponse = z.looseObject({ status: Status, model: Model });
export type SingleModelResponse = z.infer<typeof SingleModelResponse>;

export const PostWorkflowResultsResponse = z.looseObject({
  status: Status,
  workflow: Workflow.partial().optional(),
  results: z.array(WorkflowResult).optional(),
});
export type PostWorkflowResultsResponse = z.infer<typeof PostWorkflowResultsResponse>;

/** A model's own predict response (`POST .../models/{id}/outputs`): outputs without results. */
export const MultiOutputResponse = z.looseObject({
  status: Status,
  outputs: z.array(Output).optional(),
});
export type MultiOutputResponse = z.infer<typeof MultiOutputResponse>;

// ---------------------------------------------------------------------------------------------
// Status codes (API.md). Codes are integers on the wire.

export const StatusCode = {
  SUCCESS: 10000,
  MIXED_STATUS: 10010,
  FAILURE: 10020,
  CONN_THROTTLED: 11005,
  CONN_KEY_INVALID: 11008,
  CONN_KEY_NOT_FOUND: 11009,
  CONN_MALFORMED: 11100,
  CONN_DOES_NOT_EXIST: 11101,
  CONN_INVALID_REQUEST: 11102,
  MODEL_DOES_NOT_EXIST: 21200,
  MODEL_PREDICTION_FAILED: 21313,
  MODEL_NOT_DEPLOYED: 21353,
  MODEL_LOADING: 21355,
  WORKFLOW_DOES_NOT_EXIST: 22102,
  INPUT_DOWNLOAD_FAILED: 30002,
  INPUT_INVALID_ARGUMENT: 30104,
  INPUT_OVER_LIMIT: 30105,
  INPUT_INVALID_URL: 30106,
  INPUT_DECODE_FAILED: 30300,
  PREDICT_INVALID_REQUEST: 40001,
  REQUEST_TIMEOUT: 40032,
  INTERNAL: 98000,
} as const;
export type StatusCodeName = keyof typeof StatusCode;

const statusDescriptions: Record<number, string> = {
  10000: 'Ok',
  10010: 'Mixed Success',
  10020: 'Failure',
  11005: 'Too many requests',
  11008: 'API key is invalid',
  11009: 'API key not found',
  11100: 'Malformed or invalid request',
  11101: 'Resource does not exist',
  11102: 'Invalid request',
  21200: 'Model does not exist',
  21313: 'Model prediction failed',
  21353: 'Model is not deployed',
  21355: 'Model is loading',
  22102: 'Workflow does not exist',
  30002: 'Input download failed',
  30104: 'Invalid input argument',
  30105: 'Input is over the size limit',
  30106: 'Invalid URL',
  30300: 'Input could not be decoded',
  40001: 'Invalid predict request',
  40032: 'Request timed out',
  98000: 'Internal error',
};

export function describeStatus(code: number): string {
  return statusDescriptions[code] ?? (code >= 98000 && code < 99000 ? 'Internal error' : `Status ${code}`);
}

/** The HTTP status that goes with a Clarifai status code when the request fails as a whole. */
export function httpStatusFor(code: number): number {
  if (code === 10000 || code === 10010) return 200;
  if (code === 11005) return 429;
  if (code === 11008 || code === 11009) return 401;
  if (code === 11101 || code === 21200 || code === 22102) return 404;
  if (code === 40032) return 504;
  if (code >= 98000 && code < 99000) return 500;
  return 400;
}

export function isSuccess(status: Status | undefined): boolean {
  return status?.code === StatusCode.SUCCESS;
}

/** The marker Clarifai echoes in place of uploaded bytes (`"true"` in base64). */
export const BYTES_MARKER = 'dHJ1ZQ==';

/** Frame time in milliseconds, whichever JSON type it arrived as. */
export function frameTimeMs(frame: Frame): number {
  const time = frame.frame_info?.time;
  return time === undefined ? 0 : Number(time);
}

export const MAX_INPUTS_PER_REQUEST = 32;
export const SAMPLE_MS = { min: 100, max: 60_000, default: 1000 } as const;
