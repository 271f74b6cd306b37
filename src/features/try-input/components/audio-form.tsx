/** The Audio tab: audio files (one input each), an audio URL, or a recording from the microphone. */
import { AUDIO_ACCEPT } from '@/features/try-input/lib/batch';
import { MediaDropzone } from '@/features/try-input/components/media-dropzone';
import { UrlForm } from '@/features/try-input/components/url-form';
import { Recorder } from '@/features/try-input/components/recorder';

export const AUDIO_DROPZONE_LABEL = 'Drop audio files here';

export function AudioForm({
  url,
  onUrlChange,
  onUrl,
  onFiles,
  onRecorded,
  picked,
  disabled,
}: {
  url: string;
  onUrlChange: (value: string) => void;
  onUrl: (url: string) => void;
  onFiles: (files: File[]) => void;
  onRecorded: (file: File) => void;
  picked: readonly File[];
  disabled: boolean;
}) {
  return (
    <>
      <MediaDropzone
        label={AUDIO_DROPZONE_LABEL}
        buttonLabel="Choose an audio file"
        hint="Drag and drop WAV, MP3, OGG, FLAC or WEBM files here (up to 32)"
        accept={AUDIO_ACCEPT}
        onFiles={onFiles}
        disabled={disabled}
        picked={picked}
      />
      <UrlForm
        label="Audio URL"
        placeholder="https://samples.clarifai.com/english_audio_sample.mp3"
        value={url}
        onChange={onUrlChange}
        onSubmit={onUrl}
        disabled={disabled}
      />
      <section aria-label="Record from the microphone" className="flex flex-col gap-2">
        <h3 className="text-sm font-medium text-slate-700">Or record from the microphone</h3>
        <Recorder disabled={disabled} onRecorded={onRecorded} />
      </section>
    </>
  );
}
