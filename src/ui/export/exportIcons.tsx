/** Icons of the export and print actions, drawn like the rest (16 px, 1.5 stroke, currentColor). */
interface IconProps {
  className?: string;
}

const Svg = ({ className, children }: IconProps & { children: React.ReactNode }) => (
  <svg
    className={`icon ${className ?? ''}`}
    viewBox="0 0 16 16"
    width="16"
    height="16"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.5"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    {children}
  </svg>
);

export const DownloadIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M8 2.5v7.5M4.75 7 8 10.25 11.25 7M3 13.5h10" />
  </Svg>
);

export const PrintIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M4.5 5.5v-3h7v3M4.5 11H3V6.5h10V11h-1.5" />
    <path d="M4.5 9.5h7v4h-7z" />
  </Svg>
);
