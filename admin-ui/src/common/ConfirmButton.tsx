import { type ReactElement, useState } from 'react';
import { Button, type ButtonProps, Confirm, type ConfirmProps } from 'react-admin';

export interface ConfirmButtonProps extends Pick<ButtonProps, 'label' | 'color' | 'variant' | 'size' | 'disabled'> {
  icon: ReactElement;
  'aria-label'?: string;
  /** What the confirmation says: translation keys and their options. */
  confirmation: Pick<ConfirmProps, 'title' | 'titleTranslateOptions' | 'content' | 'confirm' | 'confirmColor'>;
  /** Runs the action once confirmed; calls `settled` when it is over, which closes the confirmation. */
  run: (settled: () => void) => void;
  /** While the action runs (the confirmation shows it loading). */
  pending: boolean;
}

/** A button whose action runs only once confirmed in a dialog. */
export const ConfirmButton = ({ icon, confirmation, run, pending, ...button }: ConfirmButtonProps) => {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Button {...button} onClick={() => setConfirming(true)}>
        {icon}
      </Button>
      <Confirm
        {...confirmation}
        isOpen={confirming}
        loading={pending}
        onConfirm={() => run(() => setConfirming(false))}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
