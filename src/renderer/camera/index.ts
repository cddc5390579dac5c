export { DocumentCameraCapture, type DocumentCameraCaptureProps } from './DocumentCameraCapture';
export { useDocumentCamera, type CapturedImage, type CameraState, type DocumentCameraOptions } from './useDocumentCamera';
export { findPageBounds, frameDifference, StillnessDetector, type GreySample, type Rect } from './page-analysis';
