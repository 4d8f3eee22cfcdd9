/* The invoicing screens' small changes to PrimeFaces widgets, for screen readers and the keyboard. */
(function () {
    if (!window.PrimeFaces || !PrimeFaces.widget || !PrimeFaces.widget.DatePicker) {
        return;
    }
    // The date picker's calendar button holds the hidden text "ui-button" while it is named "Choose Date":
    // a name that does not contain the button's text (WCAG 2.5.3). The button keeps its name only.
    PrimeFaces.widget.DatePicker = PrimeFaces.widget.DatePicker.extend({
        init: function (cfg) {
            this._super(cfg);
            this.jq.find('.ui-datepicker-trigger > .ui-button-text').empty();
        }
    });
})();
