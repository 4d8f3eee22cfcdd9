/* The invoicing screens' small changes to PrimeFaces widgets, and their keyboard shortcuts. */
(function () {
    if (window.PrimeFaces && PrimeFaces.widget && PrimeFaces.widget.DatePicker) {
        // The date picker's calendar button holds the hidden text "ui-button" while it is named "Choose Date":
        // a name that does not contain the button's text (WCAG 2.5.3). The button keeps its name only.
        PrimeFaces.widget.DatePicker = PrimeFaces.widget.DatePicker.extend({
            init: function (cfg) {
                this._super(cfg);
                this.jq.find('.ui-datepicker-trigger > .ui-button-text').empty();
            }
        });
    }

    // Keyboard shortcuts: an element announces its own with aria-keyshortcuts ("Alt+Shift+A"), which screen
    // readers read out, and the same attribute binds it here: a field takes the focus, anything else is
    // pressed. The pages of a table marked "shortcut-pages" turn with Alt+Shift+N and Alt+Shift+P.
    function markPages() {
        document.querySelectorAll('.shortcut-pages .ui-paginator-next').forEach(function (a) {
            a.setAttribute('aria-keyshortcuts', 'Alt+Shift+N');
        });
        document.querySelectorAll('.shortcut-pages .ui-paginator-prev').forEach(function (a) {
            a.setAttribute('aria-keyshortcuts', 'Alt+Shift+P');
        });
    }

    function usable(element) {
        return element.getClientRects().length > 0 && !element.disabled
            && !element.classList.contains('ui-state-disabled') && element.getAttribute('aria-disabled') !== 'true';
    }

    document.addEventListener('keydown', function (event) {
        if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || !/^Key[A-Z]$/.test(event.code)) {
            return;
        }
        markPages();
        var combo = 'Alt+Shift+' + event.code.substring(3);
        var target = Array.prototype.find.call(document.querySelectorAll('[aria-keyshortcuts]'), function (element) {
            return element.getAttribute('aria-keyshortcuts').split(' ').indexOf(combo) >= 0 && usable(element);
        });
        if (!target) {
            return;
        }
        event.preventDefault();
        if (target.matches('input, textarea, select')) {
            target.focus();
            if (target.select) {
                target.select();
            }
        } else {
            target.focus();
            target.click();
        }
    });

    document.addEventListener('DOMContentLoaded', function () {
        markPages();
        new MutationObserver(markPages).observe(document.body, {childList: true, subtree: true});
    });
})();
