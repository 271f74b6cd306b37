import { useDropzone } from 'react-dropzone';
import { cn } from '@/lib/cn';
import { Button } from '@/components/ui/button';

export const DROPZONE_LABEL = 'Drop an image or video here';

export function MediaDropzone({
  onFile,
  onReject,
  disabled,
  pickedFile,
}: {
  onFile: (file: File) => void;
  onReject: (message: string) => void;
  disabled: boolean;
  pickedFile: File | null;
}) {
  const { getRootProps, getInputProps, open, isDragActive } = useDropzone({
    accept: { 'image/*': [], 'video/*': [], 'audio/*': [] },
    multiple: false,
    disabled,
    // Clicks go to the "Choose a file" button, so the zone is not a button holding a button.
    noClick: true,
    noKeyboard: true,
    // The whole modal takes pastes, not only this zone.
    noPaste: true,
    onDropAccepted: (files) => {
      const file = files[0];
      if (file) onFile(file);
    },
    onDropRejected: (rejections) => {
      const first = rejections[0];
      if (!first) return;
      onReject(
        rejections.length > 1
          ? 'One file at a time, please.'
          : `“${first.file.name}” is not an image, video or audio file.`,
      );
    },
  });

  return (
    <div
      {...getRootProps({ role: 'group', 'aria-label': DROPZONE_LABEL })}
      className={cn(
        'flex flex-col items-center gap-3 rounded-xl border-2 border-dashed px-6 py-8 text-center transition-colors',
        isDragActive ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-slate-50',
        disabled && 'opacity-60',
      )}
    >
      <input {...getInputProps({ 'aria-label': 'Choose a file' })} />
      <svg viewBox="0 0 24 24" className="size-8 text-slate-400" aria-hidden fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M12 16V4m0 0l-4 4m4-4l4 4M4 16v2a2 2 0 002 2h12a2 2 0 002-2v-2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <p className="text-sm text-slate-700">
        {isDragActive ? 'Drop it to run the workflow' : 'Drag and drop an image or video here, or paste one'}
      </p>
      <Button variant="secondary" onClick={open} disabled={disabled}>
        Choose a file
      </Button>
      {pickedFile ? <p className="text-xs text-slate-500">Selected: {pickedFile.name}</p> : null}
    </div>
  );
}
