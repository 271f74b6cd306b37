import { useDropzone, type Accept } from 'react-dropzone';
import { cn } from '@/lib/cn';
import { Button } from '@/components/ui/button';

export const DROPZONE_LABEL = 'Drop an image or video here';

const MEDIA_ACCEPT: Accept = { 'image/*': [], 'video/*': [], 'audio/*': [] };

/**
 * Drop or pick files: up to 32 go in one request, so the zone and the picker take several. Every
 * file dropped is handed on, refused ones included: what may be sent is decided in one place
 * (lib/batch), which can then name the files it refuses.
 */
export function MediaDropzone({
  onFiles,
  disabled,
  picked,
  label = DROPZONE_LABEL,
  buttonLabel = 'Choose a file',
  hint = 'Drag and drop images, a video or audio here (up to 32 files), or paste one',
  accept = MEDIA_ACCEPT,
}: {
  onFiles: (files: File[]) => void;
  disabled: boolean;
  /** The files last given, to say which ones are running. */
  picked: readonly File[];
  label?: string;
  buttonLabel?: string;
  hint?: string;
  accept?: Accept;
}) {
  const { getRootProps, getInputProps, open, isDragActive } = useDropzone({
    accept,
    multiple: true,
    disabled,
    // Clicks go to the "Choose a file" button, so the zone is not a button holding a button.
    noClick: true,
    noKeyboard: true,
    // The whole modal takes pastes, not only this zone.
    noPaste: true,
    onDrop: (accepted, rejections) => {
      const files = [...accepted, ...rejections.map((rejection) => rejection.file)];
      if (files.length > 0) onFiles(files);
    },
  });

  return (
    <div
      {...getRootProps({ role: 'group', 'aria-label': label })}
      className={cn(
        'flex flex-col items-center gap-3 rounded-xl border-2 border-dashed px-6 py-6 text-center transition-colors',
        isDragActive ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-slate-50',
        disabled && 'opacity-60',
      )}
    >
      <input {...getInputProps({ 'aria-label': buttonLabel })} />
      <svg
        viewBox="0 0 24 24"
        className="size-8 text-slate-400"
        aria-hidden
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      >
        <path
          d="M12 16V4m0 0l-4 4m4-4l4 4M4 16v2a2 2 0 002 2h12a2 2 0 002-2v-2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <p className="text-sm text-slate-700">{isDragActive ? 'Drop to run the workflow' : hint}</p>
      <Button variant="secondary" onClick={open} disabled={disabled}>
        {buttonLabel}
      </Button>
      {picked.length > 0 ? (
        <p className="text-xs text-slate-500">
          Selected: {picked.length === 1 ? picked[0]?.name : `${picked.length} files`}
        </p>
      ) : null}
    </div>
  );
}
