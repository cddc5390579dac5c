import type { FormValues } from '../../shared/catalog/validate-form';
import type { ResidentSummary } from '../../shared/domain/identity';
import type { SubmissionReceipt } from '../../shared/contract/methods/applications';

export type { SubmissionReceipt };

/** A captured page of a material: what is sent (base64) and a preview URL the wipe revokes. */
export interface CapturedPage {
  materialCode: string;
  mime: 'image/jpeg' | 'image/png';
  dataBase64: string;
  previewUrl: string;
}

/** The face check of this visit: only the core's one-time id; the image and scores never reach the screen. */
export interface FaceResult {
  captureId: string;
}


/** Everything one flow holds about the resident; it exists only inside the mounted FlowScreen. */
export interface FlowState {
  stepIndex: number;
  resident: ResidentSummary | null;
  values: FormValues;
  attachments: CapturedPage[];
  face: FaceResult | null;
  submission: SubmissionReceipt | null;
}

export const initialFlowState: FlowState = { stepIndex: 0, resident: null, values: {}, attachments: [], face: null, submission: null };

export type FlowAction =
  | { type: 'goto'; stepIndex: number }
  | { type: 'identified'; resident: ResidentSummary }
  | { type: 'value'; name: string; value: string | boolean | null }
  | { type: 'addPage'; page: CapturedPage }
  | { type: 'removePage'; previewUrl: string }
  | { type: 'face'; face: FaceResult }
  | { type: 'submitted'; submission: SubmissionReceipt };

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'goto':
      return { ...state, stepIndex: action.stepIndex };
    case 'identified':
      return { ...state, resident: action.resident };
    case 'value':
      return { ...state, values: { ...state.values, [action.name]: action.value } };
    case 'addPage':
      return { ...state, attachments: [...state.attachments, action.page] };
    case 'removePage':
      return { ...state, attachments: state.attachments.filter((p) => p.previewUrl !== action.previewUrl) };
    case 'face':
      return { ...state, face: action.face };
    case 'submitted':
      // What was sent is now in the core's encrypted store; the screen keeps only the receipt.
      return { ...state, submission: action.submission, face: null, attachments: [] };
  }
}
