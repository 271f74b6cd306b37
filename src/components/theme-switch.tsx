import { useId } from 'react';
import type * as React from 'react';
import { cn } from '@/lib/cn';
import { isThemeChoice, THEME_CHOICES, useTheme } from '@/lib/theme';

/** The header's theme control: a native select named "Theme" (System / Light / Dark). */
export function ThemeSwitch({ className, ...props }: React.ComponentProps<'div'>) {
  const { choice, setChoice } = useTheme();
  const id = useId();
  return (
    <div className={cn('flex items-center gap-2 text-sm', className)} {...props}>
      <label htmlFor={id} className="text-slate-600">
        Theme
      </label>
      <select
        id={id}
        value={choice}
        onChange={(event) => {
          const next = event.target.value;
          if (isThemeChoice(next)) setChoice(next);
        }}
        className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 shadow-xs"
      >
        {THEME_CHOICES.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
