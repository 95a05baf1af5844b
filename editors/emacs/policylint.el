;;; policylint.el --- policylint for Emacs: eglot, or flymake alone  -*- lexical-binding: t -*-

;; Two ways to see policylint's diagnostics in a buffer:
;; - `eglot' (Emacs 29, or Debian's elpa-eglot on Emacs 28) runs `policylint lsp' and shows the
;;   diagnostics through flymake, with quick fixes from `eglot-code-actions'.
;; - `policylint-flymake' is a flymake backend that runs the command line on the buffer, for
;;   Emacs without eglot.  Enable it with `policylint-flymake-setup' in a mode hook.

;;; Code:

(require 'flymake)

(defgroup policylint nil
  "Lint Chinese policy documents with policylint."
  :group 'tools)

(defcustom policylint-executable "policylint"
  "The policylint program."
  :type 'string)

(defcustom policylint-modes '(text-mode markdown-mode)
  "Major modes whose buffers eglot lints with policylint."
  :type '(repeat symbol))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               (cons policylint-modes (lambda (&rest _) (list policylint-executable "lsp")))))

;;; The flymake backend without LSP.

(defvar-local policylint--flymake-process nil)

(defun policylint--report (source report-fn output)
  "Turn policylint's JSON lines OUTPUT about SOURCE into flymake diagnostics for REPORT-FN."
  (let (diagnostics)
    (dolist (line (split-string output "\n" t))
      (let* ((d (json-parse-string line :object-type 'alist))
             (beg (policylint--position source (alist-get 'line d) (alist-get 'column d)))
             (end (policylint--position source (alist-get 'end_line d) (alist-get 'end_column d))))
        (push (flymake-make-diagnostic
               source beg (max end (1+ beg))
               (pcase (alist-get 'severity d) ("error" :error) ("warning" :warning) (_ :note))
               (format "%s [%s]" (alist-get 'message d) (alist-get 'rule d)))
              diagnostics)))
    (funcall report-fn (nreverse diagnostics))))

(defun policylint--position (buffer line column)
  "The point in BUFFER at 1-based LINE and COLUMN (in characters, as policylint counts)."
  (with-current-buffer buffer
    (save-excursion
      (save-restriction
        (widen)
        (goto-char (point-min))
        (forward-line (1- line))
        (min (line-end-position) (+ (point) (1- column)))))))

(defun policylint-flymake (report-fn &rest _)
  "A flymake backend that lints the buffer with policylint; REPORT-FN receives the diagnostics."
  (when (process-live-p policylint--flymake-process)
    (kill-process policylint--flymake-process))
  (let ((source (current-buffer))
        (file (or buffer-file-name (expand-file-name (buffer-name)))))
    (setq policylint--flymake-process
          (make-process
           :name "policylint-flymake" :noquery t :connection-type 'pipe
           :buffer (generate-new-buffer " *policylint-flymake*")
           :command (list policylint-executable "--format" "jsonl" "--column-unit" "char" "--quiet"
                          "--stdin-filename" file "-")
           :sentinel
           (lambda (proc _event)
             (when (memq (process-status proc) '(exit signal))
               (unwind-protect
                   (when (eq proc (buffer-local-value 'policylint--flymake-process source))
                     (if (<= (process-exit-status proc) 1)
                         (policylint--report source report-fn
                                             (with-current-buffer (process-buffer proc) (buffer-string)))
                       (funcall report-fn :panic :explanation
                                (with-current-buffer (process-buffer proc) (buffer-string)))))
                 (kill-buffer (process-buffer proc)))))))
    (save-restriction
      (widen)
      (process-send-region policylint--flymake-process (point-min) (point-max))
      (process-send-eof policylint--flymake-process))))

;;;###autoload
(defun policylint-flymake-setup ()
  "Lint this buffer with policylint through flymake, without LSP."
  (add-hook 'flymake-diagnostic-functions #'policylint-flymake nil t)
  (flymake-mode 1))

(provide 'policylint)
;;; policylint.el ends here
