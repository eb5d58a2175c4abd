/** Small line icons drawn inline, so nothing is fetched and they take the text colour. */

export interface IconProps {
  className?: string;
}

/** The frame every icon shares: 16 px, 1.5 stroke, the text's colour. */
export function Svg({ className = 'icon', children }: IconProps & { children: React.ReactNode }) {
  return (
    <svg
      className={className}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const MarkIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M2 13.5h12" />
    <path d="M4 11V7.5M7 11V4.5M10 11V8M13 11V2.5" />
  </Svg>
);

export const OpenIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M2 4.5a1 1 0 0 1 1-1h3l1.5 1.5H13a1 1 0 0 1 1 1V12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1z" />
  </Svg>
);

export const PasteIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <rect x="3.5" y="3" width="9" height="11" rx="1" />
    <path d="M6 3V2h4v1M6 7h4M6 9.5h4" />
  </Svg>
);

export const TableIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <rect x="2" y="3" width="12" height="10" rx="1" />
    <path d="M2 6.5h12M2 9.75h12M6 6.5V13" />
  </Svg>
);

export const PlusIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M8 3v10M3 8h10" />
  </Svg>
);

export const CloseIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M4 4l8 8M12 4l-8 8" />
  </Svg>
);

export const ChevronIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M6 4l4 4-4 4" />
  </Svg>
);

/** A server rack: a table held by `shakhes serve`, not in the tab. */
export const ServerIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <rect x="2.5" y="2.5" width="11" height="4.5" rx="1" />
    <rect x="2.5" y="9" width="11" height="4.5" rx="1" />
    <path d="M5 4.75h.01M5 11.25h.01" />
  </Svg>
);

export const WarnIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M8 2l6.5 11.5h-13z" />
    <path d="M8 6.5v3M8 11.5v.2" />
  </Svg>
);

export const ErrorIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <circle cx="8" cy="8" r="6" />
    <path d="M8 4.8v3.7M8 10.8v.2" />
  </Svg>
);

export const LockIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <rect x="3.5" y="7" width="9" height="6.5" rx="1" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
  </Svg>
);

export const MoonIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M13 9.5A5.5 5.5 0 0 1 6.5 3a5.5 5.5 0 1 0 6.5 6.5z" />
  </Svg>
);

export const SunIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <circle cx="8" cy="8" r="2.8" />
    <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
  </Svg>
);

export const UploadIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M8 10.5V2.5M5 5.5l3-3 3 3" />
    <path d="M2.5 10v2.5a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1V10" />
  </Svg>
);

export const TrashIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.6a1 1 0 0 0 1 .9h3.8a1 1 0 0 0 1-.9l.6-8.6M7 7v4.5M9 7v4.5" />
  </Svg>
);
