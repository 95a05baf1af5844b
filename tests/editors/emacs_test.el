;;; emacs_test.el --- Emacs batch with eglot (and flymake alone) as real clients  -*- lexical-binding: t -*-
;; Run: emacs --batch -l emacs_test.el  (POLICYLINT, POLICYLINT_SOURCE_DIR, DRAFT set)

(require 'package)
(package-initialize)
(require 'eglot)
(load (expand-file-name "editors/emacs/policylint.el" (getenv "POLICYLINT_SOURCE_DIR")))
(setq policylint-executable (getenv "POLICYLINT"))

(defvar policylint-test-failures 0)

(defun policylint-test-check (ok what)
  (princ (format "%s: %s\n" (if ok "ok" "FAILED") what))
  (unless ok (setq policylint-test-failures (1+ policylint-test-failures))))

(defun policylint-test-wait-for-diagnostics ()
  (let ((tries 0))
    (while (and (null (flymake-diagnostics)) (< tries 200))
      (accept-process-output nil 0.05)
      (setq tries (1+ tries)))
    (flymake-diagnostics)))

(defun policylint-test-check-diagnostic (label)
  (let ((diagnostics (policylint-test-wait-for-diagnostics)))
    (policylint-test-check (= (length diagnostics) 1) (format "%s: one diagnostic (got %d)" label (length diagnostics)))
    (when diagnostics
      (let ((d (car diagnostics)))
        (policylint-test-check (string-match-p "全角" (flymake-diagnostic-text d)) (format "%s: the message" label))
                ;; eglot reports LSP severity 2 with its own category, which flymake shows as a warning.
        (policylint-test-check (memq (flymake-diagnostic-type d) '(:warning eglot-warning))
                               (format "%s: a warning" label))
        ;; 𠀀 and 🀄 are one Emacs character each: the comma is the 8th character.
        (policylint-test-check (equal (buffer-substring (flymake-diagnostic-beg d) (flymake-diagnostic-end d)) ",")
                               (format "%s: the span is the comma after 𠀀🀄" label))))))

(condition-case err
    (progn
      ;; eglot, with the server program policylint.el registers.
      (find-file (getenv "DRAFT"))
      (policylint-test-check (eq major-mode 'text-mode) "the draft is in text-mode")
      (apply #'eglot (eglot--guess-contact))
      (policylint-test-check (eglot-current-server) "eglot connects to policylint lsp")
      (policylint-test-check-diagnostic "eglot")
      (eglot-shutdown (eglot-current-server))
      (kill-buffer)
      ;; flymake alone, through the command line.
      (find-file (getenv "DRAFT"))
      (policylint-flymake-setup)
      (flymake-start)
      (policylint-test-check-diagnostic "flymake"))
  (error (policylint-test-check nil (format "error: %S" err))))

(kill-emacs (if (zerop policylint-test-failures) 0 1))
