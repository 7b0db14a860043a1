# `form4 activity` on the corpus: rows, JSON, aggregates, clusters, errors.
if(TARGET form4_command)
  set(corpus ${FORM4_SHARED_DIR}/corpus)
  set(run_check ${PROJECT_SOURCE_DIR}/examples/form4/check_command.cmake)
  # The user's sample: its S row, with the figures worked out by hand.
  add_test(NAME form4_command.activity_sample
    COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:form4_command>
      "-DARGS=activity;${corpus}/text/000_8ddcd668f7a6b10e.txt"
      -DEXPECT_EXIT=0
      "-DEXPECT_STDOUT=^accession\tfiling_date\t.*\tclass\topen_market\t.*\n.*\tS\tS - Open market or private sale of non-derivative or derivative security\tsale\ttrue\tD\t30000\t6.819\t-30000\t204570.000\t0\t30000\t-100.00\tD\tofficer\t"
      -P ${run_check})
  add_test(NAME form4_command.activity_json
    COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:form4_command>
      "-DARGS=activity;--json;${corpus}/xml/form4/0001628280-24-030951.xml"
      -DEXPECT_EXIT=0
      "-DEXPECT_STDOUT=\"class\":\"sale\".*\"value\":\"277259.64\".*\"plan_10b5_1\":true,\"plan_10b5_1_source\":\"checkbox\",\"plan_10b5_1_footnote\":\"F1\",\"plan_adoption_date\":\"2023-12-14\""
      -P ${run_check})
  # Net over a window, from a directory of filings (Tesla's purchases of May and June 2018 among them);
  # the corpus's one damaged file fails as in `form4 tables`, and the run goes on (exit 1).
  add_test(NAME form4_command.activity_by_issuer_window
    COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:form4_command>
      "-DARGS=activity;--by;issuer;--window;90d;--as-of;2018-06-30;${corpus}/xml/form4"
      -DEXPECT_EXIT=1
      "-DEXPECT_STDOUT=\n0001318605\tTesla, Inc.\t2018-04-02\t2018-06-30\t1\t0\t16\t0\t105500\t34774433.415\t0\t0\t105500\t34774433.415\t0001494730-18-000002.0001494730-18-000005\n"
      "-DEXPECT_STDERR=form4 activity: 358 documents, 357 converted, 1 failed"
      -P ${run_check})
  # Elon Musk's 2018 purchases of Tesla: only June's (24,923,924.275) reach 20 million within 30 days.
  add_test(NAME form4_command.activity_clusters
    COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:form4_command>
      "-DARGS=activity;--clusters;1,30,20000000;${corpus}/xml/form4/0001494730-18-000002.xml;${corpus}/xml/form4/0001494730-18-000005.xml;${corpus}/xml/form4/0001494730-18-000006.xml"
      -DEXPECT_EXIT=0
      "-DEXPECT_STDOUT=^issuer_cik	issuer_name	first_date	last_date	owners	owner_ciks	shares	value	accessions
0001318605	Tesla, Inc.	2018-06-12	2018-06-13	1	0001494730	72500	24923924.275	0001494730-18-000005
$"
      -P ${run_check})
  add_test(NAME form4_command.activity_usage
    COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:form4_command>
      "-DARGS=activity;--clusters;3,30;${corpus}/text"
      -DEXPECT_EXIT=2
      "-DEXPECT_STDERR=--clusters needs N,W,MIN"
      -P ${run_check})
endif()
