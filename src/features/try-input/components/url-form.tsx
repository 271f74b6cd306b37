import { useId } from 'react';
import { Button } from '@/components/ui/button';

export function UrlForm({
  value,
  onChange,
  onSubmit,
  disabled,
  label = 'Image or video URL',
  placeholder = 'https://samples.clarifai.com/metro-north.jpg',
}: {
  label?: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: (url: string) => void;
  disabled: boolean;
}) {
  const id = useId();
  const trimmed = value.trim();
  return (
    <form
      // Native validation would block URLs it dislikes before the API can say why.
      noValidate
      className="flex flex-col gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed) onSubmit(trimmed);
      }}
    >
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          type="url"
          inputMode="url"
          placeholder={placeholder}
          className="h-9 min-w-0 flex-1 rounded-md border border-slate-300 px-3 text-sm shadow-xs focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600/30"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
        <Button type="submit" disabled={disabled || trimmed === ''}>
          Run
        </Button>
      </div>
    </form>
  );
}
