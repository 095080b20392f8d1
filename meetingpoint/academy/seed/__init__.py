"""The example Academy (Turin, 2016): its texts, modules and questionnaire."""
